/* The ceilings of the benchmark: the same framework and driver on the same
 * PostgreSQL, with nothing else in the path. GET /read answers one primary-key
 * SELECT; POST /write runs one conditional UPDATE … RETURNING on a hot row.
 *   DATABASE_URL=postgres://… PORT=0 node tests/tools/bench-ceiling.js */
const Fastify = require('fastify')
const { Pool } = require('pg')

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
  await pool.query('CREATE TABLE IF NOT EXISTS ceiling (id int PRIMARY KEY, n bigint NOT NULL, doc jsonb NOT NULL)')
  await pool.query(`INSERT INTO ceiling VALUES (1, 0, '{"name":"东安社区第三网格"}') ON CONFLICT (id) DO UPDATE SET n = 0`)
  const app = Fastify()
  app.get('/read', async () => (await pool.query('SELECT doc FROM ceiling WHERE id = $1', [1])).rows[0].doc)
  app.post('/write', async (_req, reply) => {
    const { rows } = await pool.query('UPDATE ceiling SET n = n + 1 WHERE id = $1 AND n >= 0 RETURNING n', [1])
    return reply.code(201).send({ n: rows[0].n })
  })
  const url = await app.listen({ port: Number(process.env.PORT || 0), host: '127.0.0.1' })
  console.log(`ceiling on ${url}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
