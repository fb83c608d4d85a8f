import fs from 'fs'
import path from 'path'
import { nodeSecrets } from '../../backend/nodeSecrets'
import { createDemoBackend } from '../../mock/demoBackend'

/**
 * Reads `METHOD /path` pairs from docs/openapi.yaml: paths sit at two spaces
 * under `paths:`, their methods at four. Enough for our own document, and no
 * YAML library in the project.
 */
function documentedRoutes(): string[] {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.yaml'), 'utf8')
  const lines = text.split('\n')
  const start = lines.indexOf('paths:')
  expect(start).toBeGreaterThan(0)
  const routes: string[] = []
  let current = ''
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break
    const pathMatch = /^ {2}(\/\S*):\s*$/.exec(line)
    if (pathMatch) current = pathMatch[1]
    const methodMatch = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line)
    if (methodMatch) routes.push(`${methodMatch[1].toUpperCase()} ${current}`)
  }
  return routes.sort()
}

describe('docs/openapi.yaml', () => {
  it('lists exactly the routes the backend serves', () => {
    const served = createDemoBackend({ secrets: nodeSecrets }).backend.describeRoutes().sort()
    expect(documentedRoutes()).toEqual(served)
  })

  it('documents every schema it references', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.yaml'), 'utf8')
    const refs = [...text.matchAll(/\$ref: '#\/components\/(\w+)\/(\w+)'/g)]
    expect(refs.length).toBeGreaterThan(10)
    for (const [, section, name] of refs) {
      expect(text).toMatch(new RegExp(`\\n  ${section}:[\\s\\S]*\\n    ${name}:`))
    }
  })
})
