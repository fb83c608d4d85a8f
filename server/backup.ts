/**
 * Backups: `npm run server -- backup [FILE]` writes a compressed copy of the
 * whole database, `restore FILE` brings one back. On PostgreSQL these are
 * pg_dump's custom format (compressed) and pg_restore; on the embedded
 * PGlite, its data folder as a gzipped tarball. Personal details inside stay
 * sealed: a backup is only readable with DATA_KEY, which is kept elsewhere.
 */
import { PGlite } from '@electric-sql/pglite'
import { spawn } from 'child_process'
import fs from 'fs'
import path from 'path'
import { gunzipSync, gzipSync } from 'zlib'
import { ConfigError, type ServerConfig } from './config'

/** The first bytes of each kind of backup, so a restore refuses the wrong one. */
const PG_DUMP_MAGIC = 'PGDMP'
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b])

/**
 * A backup that never finishes must fail loudly, never exit 0 with nothing
 * written: the timer keeps Node's event loop alive until the work settles.
 */
export function withDeadline<T>(work: Promise<T>, what: string, ms = 30 * 60 * 1000): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConfigError(`${what} did not finish within ${ms / 60000} minutes`)), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] })
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.on('error', (error) => reject(new ConfigError(`${command} could not run (${error.message}): install the PostgreSQL client tools`)))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new ConfigError(`${command} failed: ${errors.trim() || `exit ${code}`}`))))
  })
}

/** Where a backup goes when no file is named: backups/dongan-20261201-0230.dump (or .tar.gz). */
export function defaultBackupFile(config: ServerConfig, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  return path.resolve('backups', `dongan-${stamp}${config.databaseUrl ? '.dump' : '.tar.gz'}`)
}

export async function backup(config: ServerConfig, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  if (config.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--compress=9', '--no-owner', `--file=${file}`, `--dbname=${config.databaseUrl}`])
    return
  }
  if (!fs.existsSync(config.pgliteDir)) throw new ConfigError(`no embedded database in ${config.pgliteDir} to back up`)
  const db = new PGlite(config.pgliteDir)
  try {
    await db.waitReady
    // Compressed here (zlib): PGlite's own gzip leaves nothing for Node's event loop to wait on.
    const tarball = await db.dumpDataDir('none')
    fs.writeFileSync(file, gzipSync(Buffer.from(await tarball.arrayBuffer()), { level: 9 }))
  } finally {
    await db.close()
  }
}

/**
 * Replaces the database with a backup. PostgreSQL: every table of the backup
 * is dropped and recreated in one transaction. PGlite: the current folder is
 * kept beside it (…-before-restore-<time>) and the backup unpacked in its place.
 */
export async function restore(config: ServerConfig, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new ConfigError(`no backup at ${file}`)
  const head = Buffer.alloc(5)
  const fd = fs.openSync(file, 'r')
  fs.readSync(fd, head, 0, 5, 0)
  fs.closeSync(fd)
  if (config.databaseUrl) {
    if (head.toString('latin1') !== PG_DUMP_MAGIC) throw new ConfigError(`${file} is not a pg_dump backup (made with DATABASE_URL set)`)
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.databaseUrl}`, file])
    return
  }
  if (!head.subarray(0, 2).equals(GZIP_MAGIC)) throw new ConfigError(`${file} is not a backup of the embedded database (made without DATABASE_URL)`)
  if (fs.existsSync(config.pgliteDir)) fs.renameSync(config.pgliteDir, `${config.pgliteDir}-before-restore-${Date.now()}`)
  const db = new PGlite(config.pgliteDir, { loadDataDir: new Blob([gunzipSync(fs.readFileSync(file))]) })
  await db.waitReady
  await db.close()
}
