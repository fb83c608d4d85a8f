/* docs/openapi.yaml through Redocly's OpenAPI linter (its recommended rules):
 * prints every error and a count of warnings; exits 1 on any error. */
import path from 'path'
import { fileURLToPath } from 'url'
import { lint, loadConfig } from '@redocly/openapi-core'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const problems = await lint({ ref: path.join(ROOT, 'docs', 'openapi.yaml'), config: await loadConfig({}) })
const errors = problems.filter((p) => p.severity === 'error')
for (const p of errors) console.log(`  error ${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`)
const warnings = problems.length - errors.length
const byRule = {}
for (const p of problems) if (p.severity !== 'error') byRule[p.ruleId] = (byRule[p.ruleId] ?? 0) + 1
console.log(`docs/openapi.yaml, Redocly recommended rules: ${errors.length} errors, ${warnings} warnings (${Object.entries(byRule).map(([r, n]) => `${r} ${n}`).join(', ')})`)
process.exit(errors.length ? 1 : 0)
