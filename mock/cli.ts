/* Entry of `npm run mock:server`: the mock backend over HTTP on 127.0.0.1. */
import { startMockServer } from './server'

const port = Number(process.env.MOCK_PORT || process.argv[2] || 3100)
const quiet = process.env.MOCK_QUIET === '1'

startMockServer({ port, log: quiet ? undefined : (line) => console.log(line) }).then(
  (server) => {
    console.log(`东安社区服务 mock backend listening on ${server.url}`)
    console.log(`Build the app against it: TARO_APP_API_BASE=${server.url} npm run build:h5`)
    const stop = () => server.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  },
  (error: Error) => {
    console.error(`mock server failed to start on port ${port}: ${error.message}`)
    process.exit(1)
  },
)
