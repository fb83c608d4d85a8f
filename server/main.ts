/* `npm run server [-- command]`: serves the API (default), or runs one of the
 * operator's commands: `migrate`, `add-staff --phone … --name …`,
 * `import-places FILE.json`. */
import { normalisePhone, checkPhone } from '../src/domain/validation'
import { ConfigError, readConfig, type ServerConfig } from './config'
import { migrate } from './migrations'
import { PgStore } from './pgStore'
import { readPlacesFile } from './places'
import { openDatabase, startServer } from './start'

function option(args: string[], name: string): string {
  const i = args.indexOf(`--${name}`)
  const value = i >= 0 ? args[i + 1] : undefined
  if (!value || value.startsWith('--')) throw new ConfigError(`--${name} is required`)
  return value
}

/** The first staff account (and any later one): staff grant every other role from the app. */
async function addStaff(config: ServerConfig, args: string[]): Promise<void> {
  const phone = normalisePhone(option(args, 'phone'))
  const name = option(args, 'name').trim()
  const problem = checkPhone(phone)
  if (problem) throw new ConfigError(`--phone: ${problem}`)
  const database = await openDatabase(config)
  await migrate(database)
  const store = new PgStore(database)
  try {
    const id = await store.transaction(async (repo) => {
      const known = await repo.findUserByPhone(phone)
      if (known) {
        await repo.updateUser({ ...known, name, role: 'staff' })
        return known.id
      }
      const user = { id: await repo.newId('s'), name, phone, role: 'staff' as const, gridCode: null, openid: null }
      await repo.insertUser(user)
      return user.id
    })
    console.log(`staff account ${id}: ${name}, ${phone.slice(0, 3)}****${phone.slice(7)}. They sign in with WeChat and confirm this number on 我的.`)
  } finally {
    await store.close()
  }
}

/** The sub-district's communities and grids with their cards: added, or replaced by code. */
async function importPlaces(config: ServerConfig, args: string[]): Promise<void> {
  const file = args[0]
  if (!file) throw new ConfigError('import-places needs a file, e.g. npm run server -- import-places docs/places.example.json')
  const places = readPlacesFile(file)
  const database = await openDatabase(config)
  await migrate(database)
  const store = new PgStore(database)
  try {
    await store.transaction(async (repo) => {
      for (const c of places.communities) await repo.upsertCommunity(c)
      for (const g of places.grids) await repo.upsertGrid(g)
    })
    console.log(`imported ${places.communities.length} communities and ${places.grids.length} grids from ${file}`)
  } finally {
    await store.close()
  }
}

async function main(): Promise<void> {
  const [command = 'serve', ...args] = process.argv.slice(2)
  // The commands need no WeChat credentials: only serving does.
  const config = readConfig(command === 'serve' ? process.env : { DEMO: '1', ...process.env })
  if (command === 'migrate') {
    const database = await openDatabase(config)
    const applied = await migrate(database)
    console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'database is up to date')
    await database.close()
    return
  }
  if (command === 'add-staff') return addStaff(config, args)
  if (command === 'import-places') return importPlaces(config, args)
  if (command !== 'serve') throw new ConfigError(`unknown command "${command}": use serve, migrate, add-staff or import-places`)
  const running = await startServer(config, { logger: { level: process.env.LOG_LEVEL || 'info' } })
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.pgliteDir}`
  console.log(`东安社区服务 server on ${running.url}, data in ${where}${config.demo ? ', demo mode on' : ''}`)
  const stop = () => running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `stopped: ${error.message}` : error)
  process.exit(1)
})
