import { MAX_PHOTO_BYTES, bytesFingerprint, checkPhoto, photoTypeOf, stripPhotoMetadata } from '../../backend/photoBytes'
import { inlinePhotoLinks, memoryPhotoFiles } from '../../backend/photoFiles'
import { base64ToBytes, bytesToBase64 } from '../../src/domain/base64'
import { LOCATION_TEXT, PICTURE_DATA, jpegWithLocation, pngWithText } from '../support/photoFixtures'

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

describe('a photo checked by its bytes', () => {
  it('knows JPEG and PNG by their signatures, whatever the file claims', () => {
    expect(photoTypeOf(jpegWithLocation())).toBe('image/jpeg')
    expect(photoTypeOf(pngWithText())).toBe('image/png')
    expect(photoTypeOf(Buffer.from('GIF89a'))).toBeNull()
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(photoTypeOf(new Uint8Array([0xff, 0xd8]))).toBeNull()
  })

  it('drops EXIF (with the location) from a JPEG and keeps the header, tables and picture', () => {
    const source = jpegWithLocation()
    const clean = stripPhotoMetadata(source, 'image/jpeg')!
    expect(text(clean)).not.toContain(LOCATION_TEXT)
    expect(text(clean)).toContain('JFIF')
    expect(text(clean)).toContain(PICTURE_DATA)
    expect(clean.length).toBe(source.length - (4 + 6 + LOCATION_TEXT.length))
    expect([...clean.subarray(-2)]).toEqual([0xff, 0xd9])
  })

  it('drops text chunks from a PNG and keeps the image chunks', () => {
    const clean = stripPhotoMetadata(pngWithText(), 'image/png')!
    expect(text(clean)).not.toContain(LOCATION_TEXT)
    expect(text(clean)).toContain('IHDR')
    expect(text(clean)).toContain(PICTURE_DATA)
    expect(text(clean.subarray(-8, -4))).toBe('IEND')
  })

  it('refuses broken structures instead of keeping them', () => {
    expect(stripPhotoMetadata(jpegWithLocation().subarray(0, 30), 'image/jpeg')).toBeNull()
    const badLength = Buffer.from(jpegWithLocation())
    badLength[5] = 0xff // the APP0 segment now runs past the end
    expect(stripPhotoMetadata(badLength, 'image/jpeg')).toBeNull()
    const png = pngWithText()
    expect(stripPhotoMetadata(png.subarray(0, png.length - 12), 'image/png')).toBeNull() // no IEND
    expect(stripPhotoMetadata(Buffer.concat([png.subarray(0, 8), png.subarray(33)]), 'image/png')).toBeNull() // IHDR not first
  })

  it('gives the words a resident sees for each refusal, and takes exactly 2 MB', () => {
    expect(checkPhoto(undefined)).toEqual({ ok: false, message: '请选择一张照片' })
    expect(checkPhoto(Buffer.from('hello'))).toEqual({ ok: false, message: '只能上传 JPG 或 PNG 格式的照片' })
    expect(checkPhoto(jpegWithLocation(MAX_PHOTO_BYTES + 1))).toEqual({ ok: false, message: '照片太大（最多 2 MB），请换一张' })
    expect(checkPhoto(jpegWithLocation(MAX_PHOTO_BYTES))).toMatchObject({ ok: true, type: 'image/jpeg' })
    expect(checkPhoto(jpegWithLocation().subarray(0, 30))).toEqual({ ok: false, message: '照片文件已损坏，请换一张' })
  })

  it('fingerprints files so a retry is recognised and a different file is not', () => {
    expect(bytesFingerprint(jpegWithLocation())).toBe(bytesFingerprint(jpegWithLocation()))
    expect(bytesFingerprint(jpegWithLocation())).not.toBe(bytesFingerprint(pngWithText()))
  })
})

describe('base64 without the platform', () => {
  it('matches Node for every length remainder and round-trips', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff)
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes])
    }
  })
})

describe('the demo keeps photos on the phone', () => {
  it('reads a photo back after a restart from the shelf, and forgets a removed one', async () => {
    const shelf = new Map<string, string>()
    const textShelf = { get: (k: string) => shelf.get(k) ?? null, set: (k: string, v: string) => void shelf.set(k, v), remove: (k: string) => void shelf.delete(k) }
    await memoryPhotoFiles(textShelf).put('ph1', jpegWithLocation())
    const restarted = memoryPhotoFiles(textShelf)
    expect(Buffer.from((await restarted.get('ph1'))!)).toEqual(jpegWithLocation())
    const link = await inlinePhotoLinks(restarted).urlFor('ph1', Date.now())
    expect(link.startsWith('data:image/jpeg;base64,')).toBe(true)
    await restarted.remove('ph1')
    expect(await memoryPhotoFiles(textShelf).get('ph1')).toBeNull()
  })
})
