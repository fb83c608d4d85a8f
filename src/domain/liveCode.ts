/**
 * Codes that change every 30 seconds (the activity's check-in code, a room's
 * door code, a volunteer's personal code): a keyed digest of a server-side
 * secret and the number of the 30-second window, so nobody without the secret
 * can make one, and a photo of it is useless a minute later. Windows count
 * from the epoch: the same in every time zone.
 */

export const CODE_WINDOW_MS = 30 * 1000

/** The 30-second window a moment falls in. */
export const codeWindow = (now: number) => Math.floor(now / CODE_WINDOW_MS)

/** When the current code is replaced. */
export const codeExpiresAt = (now: number) => (codeWindow(now) + 1) * CODE_WINDOW_MS

/** The code of a window (six digits unless told); `purpose` keeps one secret's codes for different uses apart. */
export function liveCode(purpose: string, secret: string, window: number, digest: (text: string) => string, digits = 6): string {
  const hex = digest(`${purpose}\n${secret}\n${window}`)
  return String(parseInt(hex.slice(0, 12), 16) % 10 ** digits).padStart(digits, '0')
}

/** How many windows back a code is still recognised as expired rather than wrong. */
export const RECOGNISED_WINDOWS = 20

/**
 * Whether a typed code is this window's or the previous one's (valid: a code
 * read just before it turned still works), an older one's (expired: a photo
 * or a replay), or none (wrong).
 */
export function matchLiveCode(code: string, purpose: string, secret: string, now: number, digest: (text: string) => string): 'valid' | 'expired' | 'wrong' {
  const window = codeWindow(now)
  if (liveCode(purpose, secret, window, digest) === code || liveCode(purpose, secret, window - 1, digest) === code) return 'valid'
  for (let w = window - 2; w > window - RECOGNISED_WINDOWS; w--) if (liveCode(purpose, secret, w, digest) === code) return 'expired'
  return 'wrong'
}
