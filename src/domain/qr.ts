/**
 * A small QR code encoder for check-in codes: byte mode, error correction
 * level M, versions 1–4 (up to 62 bytes), one fixed mask (scanners read any
 * mask), drawn as a 1-bit PNG data: URL that <Image> shows on both platforms.
 * Written here (ISO/IEC 18004) to keep the app free of libraries; shared by the
 * clinic ticket, the activity's live code and the room's door code.
 */
import { bytesToBase64 } from './base64'

/** Per version at level M: data codewords per block, blocks, EC codewords per block. */
const VERSIONS = [
  { version: 1, data: 16, blocks: 1, ec: 10 },
  { version: 2, data: 28, blocks: 1, ec: 16 },
  { version: 3, data: 44, blocks: 1, ec: 26 },
  { version: 4, data: 32, blocks: 2, ec: 18 },
]

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Array<number>(512)
const LOG = new Array<number>(256)
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x
  LOG[x] = i
  x <<= 1
  if (x & 0x100) x ^= 0x11d
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]])

/** Reed–Solomon remainder: the EC codewords of one block. */
export function reedSolomon(data: number[], ecCount: number): number[] {
  // Generator polynomial (x − α^0)…(x − α^(n−1)), highest degree first, leading 1 dropped.
  let gen = [1]
  for (let i = 0; i < ecCount; i++) {
    const next = new Array<number>(gen.length + 1).fill(0)
    gen.forEach((c, j) => {
      next[j] ^= c
      next[j + 1] ^= mul(c, EXP[i])
    })
    gen = next
  }
  const rem = new Array<number>(ecCount).fill(0)
  for (const byte of data) {
    const factor = byte ^ rem.shift()!
    rem.push(0)
    for (let j = 0; j < ecCount; j++) rem[j] ^= mul(gen[j + 1], factor)
  }
  return rem
}

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** The codewords (data then EC, interleaved) of the smallest version that fits. */
export function encodeCodewords(text: string): { version: number; codewords: number[]; dataCodewords: number[] } {
  const bytes = utf8(text)
  const spec = VERSIONS.find((v) => 12 + bytes.length * 8 <= v.data * v.blocks * 8)
  if (!spec) throw new Error('text too long for a small QR code')
  const capacity = spec.data * spec.blocks
  const bits: number[] = []
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  push(0b0100, 4) // byte mode
  push(bytes.length, 8)
  bytes.forEach((b) => push(b, 8))
  push(0, Math.min(4, capacity * 8 - bits.length)) // terminator
  while (bits.length % 8) bits.push(0)
  const data: number[] = []
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | b, 0))
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad)

  const blocks = Array.from({ length: spec.blocks }, (_, i) => data.slice(i * spec.data, (i + 1) * spec.data))
  const ecBlocks = blocks.map((block) => reedSolomon(block, spec.ec))
  const codewords: number[] = []
  for (let i = 0; i < spec.data; i++) blocks.forEach((b) => codewords.push(b[i]))
  for (let i = 0; i < spec.ec; i++) ecBlocks.forEach((b) => codewords.push(b[i]))
  return { version: spec.version, codewords, dataCodewords: data }
}

export const MASK = 0
const maskAt = (x: number, y: number) => (x + y) % 2 === 0

/** 15 format bits for level M with the mask, BCH-protected and XOR-masked. */
export function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask // level M is 00
  let rem = data << 10
  for (let i = 14; i >= 10; i--) if ((rem >>> i) & 1) rem ^= 0x537 << (i - 10)
  return ((data << 10) | rem) ^ 0x5412
}

/** The module matrix: true = dark. matrix[y][x]. */
export function qrMatrix(text: string): boolean[][] {
  const { version, codewords } = encodeCodewords(text)
  const size = 17 + 4 * version
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const set = (x: number, y: number, dark: boolean) => {
    modules[y][x] = dark
    fixed[y][x] = true
  }

  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0)
    set(i, 6, i % 2 === 0)
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        const d = Math.max(Math.abs(dx), Math.abs(dy))
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, d !== 2 && d !== 4)
      }
    }
  }
  if (version > 1) {
    const c = size - 7
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(c + dx, c + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
  }
  const format = formatBits(MASK)
  const bit = (i: number) => ((format >>> i) & 1) === 1
  for (let i = 0; i <= 5; i++) set(8, i, bit(i))
  set(8, 7, bit(6))
  set(8, 8, bit(7))
  set(7, 8, bit(8))
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i))
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i))
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i))
  set(8, size - 8, true) // the dark module

  // Data in two-column zigzags from the bottom right, skipping the timing column.
  let n = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let v = 0; v < size; v++) {
      const y = upward ? size - 1 - v : v
      for (let j = 0; j < 2; j++) {
        const x = right - j
        if (fixed[y][x]) continue
        const dark = n < codewords.length * 8 && ((codewords[n >>> 3] >>> (7 - (n & 7))) & 1) === 1
        modules[y][x] = dark !== maskAt(x, y)
        n++
      }
    }
  }
  return modules
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: number[]): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]

function chunk(type: string, data: number[]): number[] {
  const body = [...Array.from(type, (c) => c.charCodeAt(0)), ...data]
  return [...u32(data.length), ...body, ...u32(crc32(body))]
}

/** The QR code as a black-on-white 1-bit PNG, with the 4-module quiet zone. */
export function qrPngDataUrl(text: string, scale = 6): string {
  const matrix = qrMatrix(text)
  const modules = matrix.length + 8
  const px = modules * scale
  const rowBytes = Math.ceil(px / 8)
  const raw: number[] = []
  for (let y = 0; y < px; y++) {
    raw.push(0) // filter: none
    const my = Math.floor(y / scale) - 4
    for (let xb = 0; xb < rowBytes; xb++) {
      let byte = 0
      for (let bit = 0; bit < 8; bit++) {
        const x = xb * 8 + bit
        const mx = Math.floor(x / scale) - 4
        const dark = x < px && my >= 0 && mx >= 0 && my < matrix.length && mx < matrix.length && matrix[my][mx]
        byte = (byte << 1) | (dark ? 0 : 1) // grayscale 1 = white
      }
      raw.push(byte)
    }
  }
  // zlib stream of stored (uncompressed) deflate blocks.
  const zlib = [0x78, 0x01]
  for (let i = 0; i < raw.length; i += 65535) {
    const block = raw.slice(i, i + 65535)
    const last = i + 65535 >= raw.length ? 1 : 0
    zlib.push(last, block.length & 255, block.length >>> 8, ~block.length & 255, (~block.length >>> 8) & 255, ...block)
  }
  let a = 1
  let b = 0
  for (const byte of raw) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  zlib.push(...u32(((b << 16) | a) >>> 0))
  const png = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...u32(px), ...u32(px), 1, 0, 0, 0, 0]),
    ...chunk('IDAT', zlib),
    ...chunk('IEND', []),
  ]
  return `data:image/png;base64,${bytesToBase64(png)}`
}
