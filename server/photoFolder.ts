import fs from 'fs/promises'
import path from 'path'
import type { PhotoFiles } from '../backend/photoFiles'

/**
 * Photo bytes in a folder of the server (PHOTO_DIR), one file per photo id.
 * A file is written under a temporary name and renamed, so a reader never
 * sees half a photo. Back this folder up with the database (README).
 */
export function folderPhotoFiles(dir: string): PhotoFiles {
  // Ids come from the database (ph1234), but a path is never built from anything else.
  const fileOf = (id: string) => {
    if (!/^ph\d+$/.test(id)) throw new Error(`not a photo id: ${id}`)
    return path.join(dir, id)
  }
  let ready: Promise<unknown> | null = null
  return {
    async put(id, bytes) {
      ready ??= fs.mkdir(dir, { recursive: true })
      await ready
      const file = fileOf(id)
      await fs.writeFile(`${file}.part`, bytes)
      await fs.rename(`${file}.part`, file)
    },
    async get(id) {
      try {
        return new Uint8Array(await fs.readFile(fileOf(id)))
      } catch {
        return null
      }
    },
    async remove(id) {
      await fs.rm(fileOf(id), { force: true })
    },
  }
}
