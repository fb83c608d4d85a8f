import Taro from '@tarojs/taro'
import type { ApiRequest, Transport } from './contract'
import { ApiError, errorFromBody } from './errors'

/** The subset of Taro.request this transport uses, so tests can hand in another. */
export type RequestFn = (options: {
  url: string
  method: ApiRequest['method']
  data?: unknown
  header: Record<string, string>
  timeout: number
  dataType: string
}) => Promise<{ statusCode: number; data: unknown }>

/** The subset of Taro.uploadFile this transport uses (multipart, one file). */
export type UploadFn = (options: {
  url: string
  filePath: string
  name: string
  header: Record<string, string>
  timeout: number
}) => Promise<{ statusCode: number; data: unknown }>

export interface HttpTransportOptions {
  baseUrl: string
  request?: RequestFn
  upload?: UploadFn
  timeoutMs?: number
  /** Extra attempts for reads; writes are never repeated behind the user's back. */
  readRetries?: number
  backoffMs?: number
}

function buildUrl(baseUrl: string, request: ApiRequest): string {
  const query = Object.entries(request.query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `${baseUrl.replace(/\/+$/, '')}${request.path}${query ? `?${query}` : ''}`
}

function failureToError(failure: unknown): ApiError {
  const text = String((failure as { errMsg?: string })?.errMsg ?? (failure as Error)?.message ?? failure)
  return /timeout|timed out|超时/i.test(text) ? new ApiError('TIMEOUT') : new ApiError('NETWORK')
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  if (data === '') return null
  try {
    return JSON.parse(data)
  } catch {
    throw new ApiError('SERVER', '服务器返回了无法识别的数据，请稍后重试')
  }
}

type RawResponse = { statusCode: number; data: unknown }

/**
 * A read that index.html started before the app's code had loaded (the home
 * page's card, config/preloadRouteChunks.ts): taken once, by the same URL.
 */
function takePrefetched(url: string): Promise<RawResponse> | undefined {
  const started = (globalThis as { __donganPrefetch?: Record<string, Promise<RawResponse>> }).__donganPrefetch
  const found = started?.[url]
  if (found) delete started[url]
  return found
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const request = options.request ?? (Taro.request as unknown as RequestFn)
  const upload = options.upload ?? (Taro.uploadFile as unknown as UploadFn)
  const timeout = options.timeoutMs ?? 10000
  const readRetries = options.readRetries ?? 2
  const backoff = options.backoffMs ?? 400

  async function once(req: ApiRequest): Promise<unknown> {
    const header: Record<string, string> = { Accept: 'application/json' }
    if (req.token) header.Authorization = `Bearer ${req.token}`
    if (req.method !== 'GET') {
      header['Content-Type'] = 'application/json'
      if (req.idempotencyKey) header['Idempotency-Key'] = req.idempotencyKey
    }
    const url = buildUrl(options.baseUrl, req)
    const ask = () =>
      request({
        url,
        method: req.method,
        data: req.method === 'GET' ? undefined : req.body ?? {},
        header,
        timeout,
        // Parse ourselves: a malformed body must become a typed error, not a crash.
        dataType: 'text',
      })
    // A file goes as multipart/form-data (WeChat's uploadFile), the same key and token beside it.
    const send = req.filePath
      ? () => {
          delete header['Content-Type']
          return upload({ url, filePath: req.filePath!, name: 'photo', header, timeout })
        }
      : ask
    const early = req.method === 'GET' ? takePrefetched(url) : undefined
    let response: RawResponse
    try {
      // An early read that failed is simply asked again.
      response = await (early ? early.catch(ask) : send())
    } catch (failure) {
      throw failureToError(failure)
    }
    // Taro.request resolves on 4xx/5xx too: the status decides.
    const body = parseBody(response.data)
    if (response.statusCode >= 200 && response.statusCode < 300) return body
    throw errorFromBody(response.statusCode, body)
  }

  return async (req) => {
    const attempts = req.method === 'GET' ? 1 + readRetries : 1
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(req)
      } catch (error) {
        const retryable = error instanceof ApiError && (error.isOffline || error.code === 'SERVER')
        if (!retryable || attempt >= attempts) throw error
        await sleep(backoff * 2 ** (attempt - 1))
      }
    }
  }
}
