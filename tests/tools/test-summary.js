/* Adds up the Jest results of `npm test`, one line per layer and a total. */
const fs = require('fs')
const path = require('path')

const dir = process.argv[2] || '.tmp/test-results'
let passed = 0
let failed = 0
let skipped = 0
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  const layerSkipped = r.numPendingTests + (r.numTodoTests || 0)
  console.log(`  ${path.basename(file, '.json').padEnd(14)} ${String(r.numPassedTests).padStart(4)} passed, ${r.numFailedTests} failed`)
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += layerSkipped
}
const times = path.join(dir, 'build-times.txt')
if (fs.existsSync(times)) console.log(fs.readFileSync(times, 'utf8').trim().replace(/^/gm, '  '))
if (skipped > 0) {
  console.log(`${skipped} tests were skipped: a skipped test is not allowed here`)
  failed += skipped
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
