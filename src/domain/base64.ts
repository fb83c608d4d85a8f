/**
 * Base64 without btoa or Buffer, which not every mini-program engine has:
 * the QR code's PNG and the embedded demo's photos become data: URLs with it.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function bytesToBase64(bytes: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}

export function base64ToBytes(text: string): Uint8Array {
  const digits = text.replace(/=+$/, '')
  const out = new Uint8Array(Math.floor((digits.length * 3) / 4))
  let bits = 0
  let value = 0
  let at = 0
  for (const ch of digits) {
    value = ((value << 6) | ALPHABET.indexOf(ch)) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[at++] = (value >> bits) & 0xff
    }
  }
  return out
}
