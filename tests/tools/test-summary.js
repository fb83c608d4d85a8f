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
  // A test file that fails to load runs no test; it counts as one failure.
  const layerFailed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0)
  console.log(`  ${path.basename(file, '.json').padEnd(14)} ${String(r.numPassedTests).padStart(4)} passed, ${layerFailed} failed`)
  passed += r.numPassedTests
  failed += layerFailed
  skipped += layerSkipped
}
// Gates that are not Jest runs (lint, builds, budgets, …): one check each.
const steps = path.join(dir, 'steps.txt')
if (fs.existsSync(steps)) {
  const rows = fs.readFileSync(steps, 'utf8').split('\n').filter(Boolean)
  const failedSteps = rows.filter((row) => row.startsWith('FAIL '))
  console.log(`  checks         ${String(rows.length - failedSteps.length).padStart(4)} passed, ${failedSteps.length} failed`)
  for (const row of failedSteps) console.log(`    failed: ${row.slice(5)}`)
  passed += rows.length - failedSteps.length
  failed += failedSteps.length
}
const times = path.join(dir, 'build-times.txt')
if (fs.existsSync(times)) console.log(fs.readFileSync(times, 'utf8').trim().replace(/^/gm, '  '))
// The audits' own reports: the line of each that sums it up.
const REPORTS = [
  ['size.txt', /main package: phrases|JS loaded by home|real API\) main package/],
  ['audit-pages.txt', /pages × 2 modes/],
  ['lighthouse.txt', /^(home|wish list|clinic list|jobs list|targets)/],
  ['bad-input.txt', /^total/],
  ['races.txt', /:/],
  ['bench-http.txt', /^\(c\) |^burst/],
  ['durability.txt', /acknowledged/],
]
for (const [file, pattern] of REPORTS) {
  const report = path.join(dir, file)
  if (!fs.existsSync(report)) continue
  const lines = fs.readFileSync(report, 'utf8').split('\n').filter((line) => pattern.test(line.trim()))
  console.log(`  ${file}:`)
  for (const line of lines) console.log(`    ${line.trim()}`)
}
// Answers of the contract suite checked against docs/openapi.yaml, per target.
const schemaChecks = path.join(dir, 'schema-checks.tsv')
if (fs.existsSync(schemaChecks)) {
  const perTarget = {}
  for (const line of fs.readFileSync(schemaChecks, 'utf8').split('\n').filter(Boolean)) {
    const [target, n] = line.split('\t')
    perTarget[target] = (perTarget[target] || 0) + Number(n)
  }
  console.log(`  answers checked against docs/openapi.yaml: ${Object.entries(perTarget).map(([t, n]) => `${t} ${n}`).join(', ')}`)
}
const drills = path.join(dir, 'fault-drills.txt')
if (fs.existsSync(drills)) {
  const verdicts = fs.readFileSync(drills, 'utf8').split('\n').map((line) => /\| (PASS|FAIL)\s*$/.exec(line)?.[1]).filter(Boolean)
  console.log(`  fault-drills.txt: ${verdicts.length} drills, ${verdicts.filter((v) => v === 'PASS').length} as expected`)
}
if (skipped > 0) {
  console.log(`${skipped} tests were skipped: a skipped test is not allowed here`)
  failed += skipped
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
