/**
 * A photo's bytes, checked and cleaned before they are kept: the real type
 * from the file's own signature (never its name or the type the sender
 * claims), and the metadata that may carry where and when it was taken
 * (EXIF with GPS, XMP, IPTC, comments) removed. Plain TypeScript over
 * Uint8Array: it runs in the server and in the app's embedded demo alike.
 */

export type PhotoType = 'image/jpeg' | 'image/png'

/** After the app's compression a phone photo is 100–400 KB; 2 MB leaves room. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The type the bytes really are, or null for anything but JPEG and PNG. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png'
  return null
}

/** JPEG segments that describe the picture rather than draw it: APP1 (EXIF, XMP), APP13 (IPTC), COM. */
const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe])
/** Markers without a length: restart markers, SOI and TEM. */
const JPEG_STANDALONE = (marker: number) => (marker >= 0xd0 && marker <= 0xd8) || marker === 0x01

function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (JPEG_STANDALONE(marker)) {
      kept.push(bytes.subarray(at, at + 2))
      at += 2
      continue
    }
    if (marker === 0xd9) return null // EOI before any image data
    const length = (bytes[at + 2] << 8) | bytes[at + 3]
    const end = at + 2 + length
    if (length < 2 || end > bytes.length) return null
    // Start of scan: the compressed picture follows to the end; nothing after it is metadata we parse.
    if (marker === 0xda) {
      kept.push(bytes.subarray(at))
      return concat(kept)
    }
    if (!JPEG_DROPPED.has(marker)) kept.push(bytes.subarray(at, end))
    at = end
  }
  return null
}

/** PNG chunks of text, time and EXIF: the only places a PNG keeps such metadata. */
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'])

function stripPng(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)]
  let at = 8
  let first = true
  while (at + 12 <= bytes.length) {
    const length = ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7])
    const end = at + 12 + length
    if (end > bytes.length || (first && type !== 'IHDR')) return null
    first = false
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end))
    at = end
    if (type === 'IEND') return concat(kept)
  }
  return null
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** The photo without its metadata, or null when its structure is broken (a damaged or disguised file). */
export function stripPhotoMetadata(bytes: Uint8Array, type: PhotoType): Uint8Array | null {
  return type === 'image/jpeg' ? stripJpeg(bytes) : stripPng(bytes)
}

export type PhotoCheck = { ok: true; type: PhotoType; bytes: Uint8Array } | { ok: false; message: string }

/** The whole check of an upload, with the words a resident sees beside the photos. */
export function checkPhoto(bytes: Uint8Array | undefined): PhotoCheck {
  if (!bytes || bytes.length === 0) return { ok: false, message: '请选择一张照片' }
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, message: '照片太大（最多 2 MB），请换一张' }
  const type = photoTypeOf(bytes)
  if (!type) return { ok: false, message: '只能上传 JPG 或 PNG 格式的照片' }
  const clean = stripPhotoMetadata(bytes, type)
  if (!clean) return { ok: false, message: '照片文件已损坏，请换一张' }
  return { ok: true, type, bytes: clean }
}

/** A short fingerprint of a file (FNV-1a), so a retried upload with the same key is recognised. */
export function bytesFingerprint(bytes: Uint8Array): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]
    hash = Math.imul(hash, 0x01000193)
  }
  return `${bytes.length}.${(hash >>> 0).toString(16)}`
}
