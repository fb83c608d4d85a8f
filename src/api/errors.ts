import type { FieldErrors } from '../domain/validation'

export type ErrorCode =
  | 'VALIDATION'
  /** WeChat's content-security check refused the text (fields name which). */
  | 'CONTENT_REFUSED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'SERVER'

/** HTTP status the backend answers with for each error code. */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 422,
  CONTENT_REFUSED: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  NETWORK: 0,
  TIMEOUT: 0,
  SERVER: 500,
}

/** Body of every error response: `{ "error": { code, message, fields? } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors }
}

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后再提交',
  CONTENT_REFUSED: '内容含有不适宜发布的信息，请修改后再提交',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '操作冲突，请刷新后再试',
  FORBIDDEN: '您没有权限进行此操作',
  UNAUTHORIZED: '登录已过期，请重新进入',
  RATE_LIMITED: '操作太频繁了，请稍等一分钟再试',
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '服务器响应超时，请稍后重试',
  SERVER: '服务器出了点问题，请稍后重试',
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields: FieldErrors

  constructor(code: ErrorCode, message?: string, fields: FieldErrors = {}) {
    super(message || DEFAULT_MESSAGE[code])
    // Keeps `instanceof` working when the class is compiled down to ES5.
    Object.setPrototypeOf(this, ApiError.prototype)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
  }

  /** Network trouble, as opposed to the server saying no. */
  get isOffline(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT'
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** Any thrown value as an ApiError, so pages handle one type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('SERVER', error instanceof Error ? error.message : undefined)
}

/** Parses an error body from the wire; anything unexpected becomes SERVER. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const err = (body as Partial<ErrorBody> | null)?.error
  if (err && typeof err.code === 'string' && err.code in STATUS_OF) {
    return new ApiError(err.code as ErrorCode, err.message, err.fields ?? {})
  }
  if (status === 401) return new ApiError('UNAUTHORIZED')
  if (status === 403) return new ApiError('FORBIDDEN')
  if (status === 404) return new ApiError('NOT_FOUND')
  if (status === 409) return new ApiError('CONFLICT')
  if (status === 429) return new ApiError('RATE_LIMITED')
  if (status === 400 || status === 422) return new ApiError('VALIDATION')
  return new ApiError('SERVER')
}
