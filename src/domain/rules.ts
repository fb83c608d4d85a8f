import type { FieldErrors } from './validation'

/** Why the backend refuses something; maps one-to-one onto the API's error codes. */
export type RuleCode = 'VALIDATION' | 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND'

/** A broken business rule, thrown by domain functions and turned into a typed API error. */
export class RuleError extends Error {
  readonly code: RuleCode
  readonly fields: FieldErrors

  constructor(code: RuleCode, message: string, fields: FieldErrors = {}) {
    super(message)
    Object.setPrototypeOf(this, RuleError.prototype)
    this.name = 'RuleError'
    this.code = code
    this.fields = fields
  }
}

/** Throws VALIDATION naming every bad field when there is any. */
export function assertValid(errors: FieldErrors, message = '填写的内容有误，请检查标红的项目'): void {
  if (Object.keys(errors).length > 0) throw new RuleError('VALIDATION', message, errors)
}
