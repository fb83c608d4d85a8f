import type { EntryParams } from '../domain/scene'

/**
 * The parameters a page was opened with. On H5 a QR link may carry them in
 * the site's own query (`/?g=DA0103`) rather than the hash route, so both count.
 */
export function readEntryParams(routerParams: Record<string, string | undefined> | undefined): EntryParams {
  const params: EntryParams = { ...(routerParams ?? {}) }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    new URLSearchParams(window.location.search).forEach((value, key) => {
      if (params[key] === undefined) params[key] = value
    })
  }
  return params
}
