import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import fs from 'fs'
import { load as parseYaml } from 'js-yaml'
import path from 'path'
import type { ApiRequest, Transport } from '../../src/api/contract'
import { ApiError, STATUS_OF } from '../../src/api/errors'

const ROOT = path.join(__dirname, '..', '..')
const DOC_ID = 'openapi.json'

interface ResponseObject {
  $ref?: string
  content?: Record<string, { schema?: unknown }>
}

interface Operation {
  regex: RegExp
  method: string
  template: string
  responses: Record<string, ResponseObject>
}

/** Every operation of docs/openapi.yaml, and Ajv holding the whole document so its $refs resolve. */
function load(): { operations: Operation[]; ajv: Ajv; responsesByRef: Map<string, ResponseObject> } {
  const doc = parseYaml(fs.readFileSync(path.join(ROOT, 'docs', 'openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>
    components: { responses: Record<string, ResponseObject> }
  }
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(doc as object, DOC_ID)
  const operations: Operation[] = []
  for (const [template, methods] of Object.entries(doc.paths)) {
    const regex = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`)
    for (const [method, op] of Object.entries(methods)) operations.push({ regex, method: method.toUpperCase(), template, responses: op.responses })
  }
  const responsesByRef = new Map(Object.entries(doc.components.responses).map(([name, r]) => [`#/components/responses/${name}`, r]))
  return { operations, ajv, responsesByRef }
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

/**
 * Checks every answer a backend gives against docs/openapi.yaml: the status
 * must be documented for the operation and the body must match its schema.
 * A mismatch throws, so the test that received it fails.
 */
export class SchemaCheck {
  private readonly operations: Operation[]
  private readonly ajv: Ajv
  private readonly responsesByRef: Map<string, ResponseObject>
  private readonly validators = new Map<string, ValidateFunction>()
  readonly counts = new Map<string, number>()
  /** Every mismatch found, printed after the file: a test may swallow the error it caused. */
  readonly mismatches: string[] = []

  constructor() {
    ;({ operations: this.operations, ajv: this.ajv, responsesByRef: this.responsesByRef } = load())
  }

  private mismatch(message: string): Error {
    this.mismatches.push(message)
    return new Error(message)
  }

  check(target: string, request: ApiRequest, status: number, body: unknown): void {
    const urlPath = request.path.split('?')[0]
    const op = this.operations.find((o) => o.method === request.method && o.regex.test(urlPath))
    if (!op) throw this.mismatch(`docs/openapi.yaml has no ${request.method} ${urlPath}`)
    const responses = op.responses
    const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : null
    if (!key) throw this.mismatch(`docs/openapi.yaml: ${request.method} ${op.template} does not document the answer ${status} (${JSON.stringify(body).slice(0, 200)})`)
    const id = `${op.method} ${op.template} ${key}`
    let validate = this.validators.get(id)
    if (!validate) {
      // A response is written in place, or is a $ref to components/responses.
      const documented = responses[key]
      const at = documented.$ref
        ? documented.$ref.slice(1)
        : `/${pointer('paths', op.template, op.method.toLowerCase(), 'responses', key)}`
      const resolved = documented.$ref ? this.responsesByRef.get(documented.$ref) : documented
      validate = resolved?.content?.['application/json'] ? this.ajv.compile({ $ref: `${DOC_ID}#${at}/content/application~1json/schema` }) : this.ajv.compile({})
      this.validators.set(id, validate)
    }
    if (!validate(body)) {
      throw this.mismatch(`${request.method} ${op.template} ${status} does not match docs/openapi.yaml: ${this.ajv.errorsText(validate.errors)}`)
    }
    this.counts.set(target, (this.counts.get(target) ?? 0) + 1)
  }

  /** The transport, with every answer checked: successes, and typed errors as the wire carried them. */
  wrap(target: string, inner: Transport): Transport {
    return async (request) => {
      let body: unknown
      try {
        body = await inner(request)
      } catch (error) {
        if (error instanceof ApiError && !error.isOffline) {
          const wire = { error: { code: error.code, message: error.message, ...(Object.keys(error.fields).length ? { fields: error.fields } : {}) } }
          this.check(target, request, STATUS_OF[error.code], wire)
        }
        throw error
      }
      this.check(target, request, request.method === 'GET' ? 200 : 201, body)
      return body
    }
  }
}

/** One checker per test file; its counts are added to .tmp/test-results/schema-checks.tsv after the file. */
export const schemaCheck = new SchemaCheck()

afterAll(() => {
  if (schemaCheck.mismatches.length) console.error(`Answers that do not match docs/openapi.yaml:\n  ${[...new Set(schemaCheck.mismatches)].join('\n  ')}`)
  const out = path.join(ROOT, '.tmp', 'test-results')
  fs.mkdirSync(out, { recursive: true })
  const lines = [...schemaCheck.counts].map(([target, n]) => `${target}\t${n}\n`).join('')
  if (lines) fs.appendFileSync(path.join(out, 'schema-checks.tsv'), lines)
})
