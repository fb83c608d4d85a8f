import { pgDatabase } from '../../server/sql'

let databaseCount = 0

/**
 * A new empty database on the test run's PostgreSQL (PG_TEST_URL, started by
 * tests/tools/postgres.sh), and its URL: each test file works in its own.
 */
export async function freshPostgresUrl(label = 'test'): Promise<string> {
  if (!process.env.PG_TEST_URL) throw new Error('PG_TEST_URL is not set: run the tests with npm test, which starts PostgreSQL (tests/tools/postgres.sh start)')
  const admin = new URL(process.env.PG_TEST_URL)
  const name = `${label}_${process.pid}_${(databaseCount += 1)}_${Date.now().toString(36)}`
  const creator = pgDatabase(admin.toString(), 1)
  const conn = await creator.connect()
  try {
    await conn.query(`CREATE DATABASE ${name}`)
  } finally {
    conn.release()
    await creator.close()
  }
  admin.pathname = `/${name}`
  return admin.toString()
}
