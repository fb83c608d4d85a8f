/* Draws the tab bar icons (81×81 PNG, as WeChat asks) from simple shapes, so
 * the repo needs no image editor: node src/assets/draw-icons.js */
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const SIZE = 81

function crc32(buf) {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(inside, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      // 4× supersampling for smooth edges.
      let hits = 0
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((hits / 16) * 255)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// Six-colour card: a 3×2 grid of rounded squares.
function card(x, y) {
  const cells = [12, 32, 52]
  const rows = [18, 44]
  return cells.some((cx) => rows.some((cy) => x >= cx && x <= cx + 17 && y >= cy && y <= cy + 20))
}

// Me: a head and shoulders.
function person(x, y) {
  const head = (x - 40.5) ** 2 + (y - 27) ** 2 <= 13 ** 2
  const body = y >= 46 && y <= 70 && (x - 40.5) ** 2 / 26 ** 2 + (y - 70) ** 2 / 24 ** 2 <= 1
  return head || body
}

const GREY = [75, 85, 99]
const RED = [155, 28, 28]
const out = __dirname
fs.mkdirSync(out, { recursive: true })
for (const [name, shape] of [['card', card], ['me', person]]) {
  fs.writeFileSync(path.join(out, `tab-${name}.png`), png(shape, GREY))
  fs.writeFileSync(path.join(out, `tab-${name}-active.png`), png(shape, RED))
}
console.log('icons written to', out)
