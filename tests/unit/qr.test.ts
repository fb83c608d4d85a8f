import { execFileSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { encodeCodewords, formatBits, qrMatrix, qrPngDataUrl, reedSolomon } from '../../src/domain/qr'

/** Decodes a PNG with zbar, a real QR reader (Debian zbar-tools, installed by npm test). */
function zbarDecode(dataUrl: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qr-')), 'code.png')
  fs.writeFileSync(file, Buffer.from(dataUrl.split(',')[1], 'base64'))
  try {
    return execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('zbarimg is missing: apt-get install zbar-tools (npm test installs it)')
    throw error
  }
}

describe('QR check-in codes', () => {
  it.each(['YZ-C1-K1001-A', 'YZ-C12-K123456-B', 'YZ-C1002-K1003-Q-0123456789ABCDEFGHIJKLMNOPQRSTUV'])(
    'a real reader decodes %s',
    (text) => {
      expect(zbarDecode(qrPngDataUrl(text))).toBe(text)
    },
  )

  it('picks the smallest version that fits and refuses what does not', () => {
    expect(encodeCodewords('YZ-C1-K1001-A').version).toBe(1)
    expect(encodeCodewords('x'.repeat(26)).version).toBe(2)
    expect(encodeCodewords('x'.repeat(62)).version).toBe(4)
    expect(() => encodeCodewords('x'.repeat(63))).toThrow()
    expect(qrMatrix('x'.repeat(30)).length).toBe(29)
  })

  it('appends Reed–Solomon codewords that make every syndrome zero', () => {
    const { dataCodewords } = encodeCodewords('YZ-C1-K1001-A')
    const message = [...dataCodewords, ...reedSolomon(dataCodewords, 10)]
    // Evaluate the codeword polynomial at α^0…α^9 in GF(256).
    const exp: number[] = []
    for (let i = 0, x = 1; i < 255; i++, x = x & 0x80 ? ((x << 1) ^ 0x11d) & 0xff : x << 1) exp.push(x)
    const mul = (a: number, b: number) => (a && b ? exp[(exp.indexOf(a) + exp.indexOf(b)) % 255] : 0)
    for (let i = 0; i < 10; i++) {
      const syndrome = message.reduce((acc, c) => mul(acc, exp[i]) ^ c, 0)
      expect(syndrome).toBe(0)
    }
  })

  it('writes the known format bits for level M and mask 0', () => {
    expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010')
  })
})
