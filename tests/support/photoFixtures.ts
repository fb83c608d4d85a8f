import fs from 'fs'
import os from 'os'
import path from 'path'
import { crc32 } from 'zlib'

/*
 * Small photo files built byte by byte for the upload tests: a JPEG whose
 * EXIF segment holds a GPS position and a PNG with a text chunk, both with
 * the segments a real encoder writes around the picture data.
 */

/** Marks where the location sits in the test files: it must never come back. */
export const LOCATION_TEXT = 'GPS 47.3471N 124.1021E'
/** Stands for the compressed picture: it must come back unchanged. */
export const PICTURE_DATA = 'picture-data-0123456789'

const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])

export function jpegWithLocation(padTo = 0): Buffer {
  const parts = [
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from(`Exif\0\0${LOCATION_TEXT}`, 'latin1')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from(PICTURE_DATA, 'latin1'),
  ]
  const body = Buffer.concat(parts)
  // Padding inside the scan data makes a file as large as a test needs.
  const pad = Math.max(0, padTo - body.length - 2)
  return Buffer.concat([body, Buffer.alloc(pad, 0x55), Buffer.from([0xff, 0xd9])])
}

const chunk = (type: string, data: Buffer) => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

export function pngWithText(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
    chunk('tEXt', Buffer.from(`Location\0${LOCATION_TEXT}`, 'latin1')),
    chunk('IDAT', Buffer.from(PICTURE_DATA, 'latin1')),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-fixtures-'))

/** Writes bytes to a file of their own, as a chosen photo is on the phone. */
export function photoFile(name: string, bytes: Buffer | string): string {
  const file = path.join(folder, name)
  fs.writeFileSync(file, bytes)
  return file
}

/** The bytes behind a photo link: a data: URL's, or what the server sends for it. */
export async function bytesAt(link: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  if (link.startsWith('data:')) {
    const [head, data] = link.split(',')
    return { status: 200, type: head.slice(5).replace(';base64', ''), bytes: Buffer.from(data, 'base64') }
  }
  const res = await fetch(link)
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) }
}
