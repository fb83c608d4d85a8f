/* `npm run server [-- command]`: serves the API (default), or runs one of the
 * operator's commands: `migrate`, `add-staff --phone … --name …`,
 * `import-places FILE.json`, `rotate-key`, `backup [FILE]`, `restore FILE`. */
import fs from 'fs'
import { normalisePhone, checkPhone } from '../src/domain/validation'
import { ConfigError, readConfig, type ServerConfig } from './config'
import { migrate } from './migrations'
import { backup, defaultBackupFile, restore, withDeadline } from './backup'
import { FieldCipher } from './fieldCipher'
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
  const store = new PgStore(database, new FieldCipher(config.dataKeys))
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
  const store = new PgStore(database, new FieldCipher(config.dataKeys))
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

/**
 * After DATA_KEY changed (the old key in DATA_KEY_PREVIOUS): every personal
 * detail is opened with whichever key sealed it and sealed again with the new
 * one, in one transaction. Then start the server with DATA_KEY alone.
 */
async function rotateKey(config: ServerConfig): Promise<void> {
  const database = await openDatabase(config)
  await migrate(database)
  const cipher = new FieldCipher(config.dataKeys)
  const store = new PgStore(database, cipher)
  try {
    const rewritten = await store.reseal()
    console.log(`resealed ${rewritten} rows with key ${cipher.keyId}; DATA_KEY_PREVIOUS is no longer needed`)
  } finally {
    await store.close()
  }
}

async function main(): Promise<void> {
  const [command = 'serve', ...args] = process.argv.slice(2)
  // The commands need no WeChat credentials: only serving does.
  const config = readConfig(process.env, process.cwd(), { needsWechat: command === 'serve' })
  if (command === 'migrate') {
    const database = await openDatabase(config)
    const applied = await migrate(database)
    console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'database is up to date')
    await database.close()
    return
  }
  if (command === 'add-staff') return addStaff(config, args)
  if (command === 'import-places') return importPlaces(config, args)
  if (command === 'rotate-key') return rotateKey(config)
  if (command === 'backup') {
    const file = args[0] ?? defaultBackupFile(config)
    await withDeadline(backup(config, file), 'backup')
    console.log(`backed up ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.pgliteDir}`} to ${file} (${Math.round(fs.statSync(file).size / 1024)} KB)`)
    return
  }
  if (command === 'restore') {
    if (!args[0]) throw new ConfigError('restore needs a backup file, e.g. npm run server -- restore backups/dongan-20261201-0230.dump')
    await withDeadline(restore(config, args[0]), 'restore')
    console.log(`restored ${args[0]}; start the server as usual`)
    return
  }
  if (command !== 'serve') throw new ConfigError(`unknown command "${command}": use serve, migrate, add-staff, import-places, rotate-key, backup or restore`)
  const running = await startServer(config, { logger: { level: process.env.LOG_LEVEL || 'info' }, worker: true })
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.pgliteDir}`
  const worker = running.worker ? `, worker on (subscribe messages ${config.subscribe ? 'on' : 'off: no template configured'})` : ''
  console.log(`东安社区服务 server on ${running.url}, data in ${where}${config.demo ? ', demo mode on' : ''}${worker}`)
  if (config.demoDataKey) console.warn('personal details are sealed with the published demo key: set DATA_KEY before storing real data')
  const stop = () => running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `stopped: ${error.message}` : error)
  process.exit(1)
})
