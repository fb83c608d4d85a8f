/* The backup drill: records written, backed up, the database dropped, the
 * backup restored, and the same records read through the API — on PostgreSQL
 * (pg_dump / pg_restore) and on the embedded PGlite (its data folder). */
import { execFile } from 'child_process'
import { randomBytes } from 'crypto'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { promisify } from 'util'
import { readConfig } from '../../server/config'
import { pgDatabase } from '../../server/sql'
import { startServer } from '../../server/start'
import { freshPostgresUrl } from '../support/postgres'
import { callServer as call } from '../support/serverCall'

const ROOT = path.join(__dirname, '..', '..')
const MAIN = path.join(ROOT, '.tmp/node/server/main.js')
const run = promisify(execFile)
const DATA_KEY = randomBytes(32).toString('base64')

const WISH = { category: '维修', title: '备份演练的心愿', description: '楼道扶手松了', preferredTime: '', address: { building: '友好里2栋', unit: '1单元', room: '201' }, phone: '13904527788', photos: [] }

/** Starts the server on `env`, posts a wish as the elder, and answers the wish as stored. */
async function writeRecords(env: Record<string, string>) {
  const server = await startServer({ ...readConfig(env), port: 0 })
  try {
    const token = (await call(server, 'POST', '/auth/demo', { accountId: 'elder' })).body.token
    const posted = await call(server, 'POST', '/wishes', WISH, token)
    expect(posted.status).toBe(201)
    return posted.body as { id: string; title: string; address: unknown; phone: string }
  } finally {
    await server.close()
  }
}

async function readWish(env: Record<string, string>, id: string) {
  const server = await startServer({ ...readConfig(env), port: 0 })
  try {
    const token = (await call(server, 'POST', '/auth/demo', { accountId: 'elder' })).body.token
    return (await call(server, 'GET', `/wishes/${id}`, undefined, token)).body
  } finally {
    await server.close()
  }
}

it('PostgreSQL: back up, drop the database, restore, and read the same records', async () => {
  const url = await freshPostgresUrl('backup_drill')
  const env = { DEMO: '1', DATABASE_URL: url, DATA_KEY }
  const wish = await writeRecords(env)
  const file = path.join(os.tmpdir(), `dongan-drill-${process.pid}.dump`)
  const { stdout } = await run('node', [MAIN, 'backup', file], { env: { ...process.env, ...env } })
  expect(stdout).toMatch(/backed up PostgreSQL \(DATABASE_URL\) to .*\.dump \(\d+ KB\)/)

  // The database is gone, and an empty one takes its name.
  const name = new URL(url).pathname.slice(1)
  const admin = pgDatabase(process.env.PG_TEST_URL!, 1)
  const conn = await admin.connect()
  await conn.query(`DROP DATABASE ${name} WITH (FORCE)`)
  await conn.query(`CREATE DATABASE ${name}`)
  conn.release()
  await admin.close()

  expect((await run('node', [MAIN, 'restore', file], { env: { ...process.env, ...env } })).stdout).toMatch(/restored/)
  const back = await readWish(env, wish.id)
  expect(back).toMatchObject({ id: wish.id, title: '备份演练的心愿', address: WISH.address, phone: '13904527788' })
  fs.rmSync(file)
})

it('PGlite: back up, lose the data folder, restore, and read the same records; a PostgreSQL backup is refused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongan-pglite-drill-'))
  const env = { DEMO: '1', DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'data'), DATA_KEY }
  const wish = await writeRecords(env)
  const file = path.join(dir, 'backup.tar.gz')
  expect((await run('node', [MAIN, 'backup', file], { env: { ...process.env, ...env } })).stdout).toMatch(/backed up the embedded database/)
  fs.rmSync(env.PGLITE_DIR, { recursive: true })

  await run('node', [MAIN, 'restore', file], { env: { ...process.env, ...env } })
  expect(await readWish(env, wish.id)).toMatchObject({ id: wish.id, title: '备份演练的心愿', address: WISH.address })

  const wrong = path.join(dir, 'not-a-backup.dump')
  fs.writeFileSync(wrong, 'PGDMP this is a pg_dump file')
  await expect(run('node', [MAIN, 'restore', wrong], { env: { ...process.env, ...env } })).rejects.toMatchObject({ stderr: expect.stringMatching(/not a backup of the embedded database/) })
  fs.rmSync(dir, { recursive: true })
}, 60_000)
