/* Encryption at rest on PostgreSQL: a dump of the tables holds no phone
 * number, address or symptom; the API still answers them; a key rotation
 * reseals every row, and data written before encryption is sealed at start. */
import { randomBytes } from 'crypto'
import { readConfig } from '../../server/config'
import { FieldCipher } from '../../server/fieldCipher'
import { migrate } from '../../server/migrations'
import { PgStore } from '../../server/pgStore'
import { pgDatabase } from '../../server/sql'
import { startServer } from '../../server/start'
import { freshPostgresUrl } from '../support/postgres'
import { callServer as call } from '../support/serverCall'

const newKey = () => randomBytes(32).toString('base64')
const TABLES = ['users', 'wishes', 'bookings', 'applications', 'idempotency', 'messages', 'audit_log', 'role_changes']

/** Every row of the tables that hold people's records, as one text: what a leaked dump would show. */
async function dumpOf(url: string): Promise<string> {
  const database = pgDatabase(url)
  const conn = await database.connect()
  try {
    const parts: string[] = []
    for (const table of TABLES) parts.push(JSON.stringify((await conn.query(`SELECT * FROM ${table}`)).rows))
    return parts.join('\n')
  } finally {
    conn.release()
    await database.close()
  }
}

const ADDRESS = { building: '友好里小区7栋', unit: '3单元', room: '502' }
const SYMPTOMS = '夜里头晕目眩'

describe('the field cipher', () => {
  it('seals each value with a fresh IV, refuses a tampered one, and hashes look-ups per key', () => {
    const cipher = new FieldCipher([Buffer.from(newKey(), 'base64')])
    const [a, b] = [cipher.seal('13904527788'), cipher.seal('13904527788')]
    expect(a).not.toBe(b)
    expect([cipher.open(a), cipher.open(b)]).toEqual(['13904527788', '13904527788'])
    const body = a.split('.')
    body[4] = Buffer.from('13904527789').toString('base64')
    expect(() => cipher.open(body.join('.'))).toThrow()
    expect(cipher.lookupHash('13904527788')).toBe(cipher.lookupHash('13904527788'))
    expect(new FieldCipher([Buffer.from(newKey(), 'base64')]).lookupHash('13904527788')).not.toBe(cipher.lookupHash('13904527788'))
    expect(cipher.open('written before encryption')).toBe('written before encryption')
  })
})

describe('personal details at rest', () => {
  it('a dump holds no phone number, address or symptom, while the API answers them to their owner', async () => {
    const url = await freshPostgresUrl('sealed')
    const server = await startServer({ ...readConfig({ DEMO: '1', DATABASE_URL: url, DATA_KEY: newKey() }), port: 0 })
    try {
      const elder = (await call(server, 'POST', '/auth/demo', { accountId: 'elder' })).body.token
      const wish = { category: '维修', title: '楼道灯坏了', description: '三楼楼道灯不亮', preferredTime: '', address: ADDRESS, phone: '13904527788', photos: [] }
      expect((await call(server, 'POST', '/wishes', wish, elder)).status).toBe(201)
      const patient = { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: SYMPTOMS, assistance: [] }
      expect((await call(server, 'POST', '/clinics/c3/slots/t1/bookings', patient, elder)).status).toBe(201)
      expect((await call(server, 'POST', '/jobs/j2/applications', { name: '张桂兰', phone: '13904527788', note: '' }, elder)).status).toBe(201)

      const dump = await dumpOf(url)
      // The elder's number, a seed resident's and another elder's; her address and her symptoms
      // (only strings that cannot turn up by chance inside base64).
      for (const secret of ['13904527788', '13804521234', '13504526688', '友好里小区7栋', SYMPTOMS]) {
        expect([secret, dump.includes(secret)]).toEqual([secret, false])
      }
      expect(dump).toMatch(/enc1\./)

      const mine = (await call(server, 'GET', '/me/data', undefined, elder)).body
      expect(mine.account.phone).toBe('13904527788')
      expect(mine.wishes.find((w: { title: string }) => w.title === '楼道灯坏了').address).toEqual(ADDRESS)
      expect(mine.bookings.map((b: { symptoms: string }) => b.symptoms)).toContain(SYMPTOMS)
      // Staff still find her by the last four digits of her number.
      const staff = (await call(server, 'POST', '/auth/demo', { accountId: 'staff' })).body.token
      expect((await call(server, 'GET', '/staff/accounts?q=7788', undefined, staff)).body.map((a: { id: string }) => a.id)).toContain('elder')
    } finally {
      await server.close()
    }
  })

  it('rotating the key reseals every row; afterwards the old key alone opens nothing and the new key alone opens everything', async () => {
    const url = await freshPostgresUrl('rotate')
    const [oldKey, nextKey] = [newKey(), newKey()]
    const before = await startServer({ ...readConfig({ DEMO: '1', DATABASE_URL: url, DATA_KEY: oldKey }), port: 0 })
    await before.close()
    const oldId = new FieldCipher([Buffer.from(oldKey, 'base64')]).keyId

    const rotating = new FieldCipher(readConfig({ DEMO: '1', DATA_KEY: nextKey, DATA_KEY_PREVIOUS: oldKey }).dataKeys)
    const database = pgDatabase(url)
    const store = new PgStore(database, rotating)
    try {
      expect(await store.reseal()).toBeGreaterThan(10)
      expect(await store.reseal()).toBe(0)
    } finally {
      await store.close()
    }
    const dump = await dumpOf(url)
    expect(dump).toContain(`enc1.${rotating.keyId}.`)
    expect(dump).not.toContain(`enc1.${oldId}.`)

    const after = new PgStore(pgDatabase(url), new FieldCipher([Buffer.from(nextKey, 'base64')]))
    try {
      const found = await after.transaction((repo) => repo.findUserByPhone('13904527788'))
      expect(found?.id).toBe('elder')
      const wish = await after.transaction(async (repo) => (await repo.listActiveWishesOf('elder'))[0])
      expect(wish.phone).toMatch(/^1\d{10}$/)
    } finally {
      await after.close()
    }
    const stale = new PgStore(pgDatabase(url), new FieldCipher([Buffer.from(oldKey, 'base64')]))
    try {
      await expect(stale.transaction((repo) => repo.getUser('elder'))).rejects.toThrow(/not configured/)
    } finally {
      await stale.close()
    }
  })

  it('rows written before encryption are sealed when the server starts, and found by phone again', async () => {
    const url = await freshPostgresUrl('upgrade_seal')
    const database = pgDatabase(url)
    await migrate(database, 6)
    const conn = await database.connect()
    await conn.query("INSERT INTO users (id, name, phone, role, grid_code) VALUES ('r-old', '老住户', '13912345678', 'resident', 'DA0103')")
    conn.release()
    await database.close()

    const server = await startServer({ ...readConfig({ DEMO: '1', DATABASE_URL: url, DATA_KEY: newKey() }), port: 0 })
    try {
      expect(await dumpOf(url)).not.toContain('13912345678')
      const found = await server.store.transaction((repo) => repo.findUserByPhone('13912345678'))
      expect(found).toMatchObject({ id: 'r-old', phone: '13912345678' })
    } finally {
      await server.close()
    }
  })
})
