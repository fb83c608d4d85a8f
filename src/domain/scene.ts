/**
 * QR entry. A mini-program code carries `scene` (≤ 32 visible ASCII chars,
 * delivered URL-encoded), e.g. `g=DA0103`; on H5 the same arrives as
 * `?scene=g%3DDA0103` or simply `?g=DA0103`.
 */
export const GRID_CODE_PATTERN = /^[A-Z]{2}\d{4}$/

export interface EntryParams {
  scene?: string
  g?: string
  [key: string]: string | undefined
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Parses `g=DA0103&x=1` (raw or URL-encoded, once or twice) into pairs. */
export function parseScene(raw: string | undefined | null): Record<string, string> {
  if (!raw) return {}
  let text = raw.trim()
  // Some entries arrive encoded twice (a link that was itself URL-encoded).
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(text); i++) text = safeDecode(text)
  const pairs: Record<string, string> = {}
  for (const part of text.split('&')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (key && !(key in pairs)) pairs[key] = value
  }
  return pairs
}

/** Normalises a typed or scanned grid code: trims and upper-cases. */
export function normaliseGridCode(code: string): string {
  return code.trim().toUpperCase()
}

/**
 * The grid a QR entry asks for, or null when the entry names none.
 * Returns the code as given (normalised) even when it is malformed, so the
 * page can say "未找到网格 …" instead of silently ignoring it.
 */
export function gridFromEntry(params: EntryParams | undefined | null): string | null {
  if (!params) return null
  const direct = params.g ? safeDecode(params.g) : ''
  const fromScene = parseScene(params.scene).g ?? ''
  const code = normaliseGridCode(direct || fromScene)
  return code || null
}

export function isGridCode(code: string): boolean {
  return GRID_CODE_PATTERN.test(code)
}
