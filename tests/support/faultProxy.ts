import http from 'http'
import type { AddressInfo } from 'net'

/**
 * What the proxy does to one request. The first four never reach the backend;
 * the last four let it store the write and then spoil the answer.
 */
export type ProxyFault =
  | 'pass' // forwarded untouched
  | 'hang' // held, never forwarded, never answered
  | '500' // answered 500 by the proxy itself
  | 'reset' // connection closed before forwarding
  | 'slow' // forwarded, answered only after `slowMs` (past the client's timeout)
  | 'drop' // forwarded, connection closed instead of the answer
  | 'cut' // forwarded, the answer stops mid-body
  | 'badjson' // forwarded, the answer's JSON cut in half with a matching length

export interface ProxySeen {
  method: string
  path: string
  fault: ProxyFault
  token: string | null
  idempotencyKey?: string
}

/**
 * A fault-injecting HTTP proxy in front of a real server (the mock backend).
 * Each request takes the next fault of the queue (`pass` once it is empty).
 * `setOffline(true)` stops listening, so connecting is refused for real.
 */
export async function startFaultProxy(targetUrl: string, slowMs = 600) {
  const faults: ProxyFault[] = []
  const seen: ProxySeen[] = []
  const timers = new Set<NodeJS.Timeout>()

  const server = http.createServer((req, res) => {
    const fault = faults.shift() ?? 'pass'
    const auth = req.headers.authorization ?? ''
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      fault,
      token: auth.startsWith('Bearer ') ? auth.slice(7) : null,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
    })
    if (fault === 'hang') return
    if (fault === 'reset') return void req.socket.destroy()
    if (fault === '500') {
      res.writeHead(500, { 'Content-Type': 'application/json' })
      return void res.end('{"error":{"code":"SERVER","message":"服务器暂时不可用"}}')
    }
    const upstream = http.request(`${targetUrl}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (c: Buffer) => chunks.push(c))
      answer.on('end', () => {
        const body = Buffer.concat(chunks)
        const half = body.subarray(0, Math.floor(body.length / 2))
        const status = answer.statusCode ?? 502
        const type = { 'Content-Type': 'application/json; charset=utf-8' }
        switch (fault) {
          case 'pass':
            res.writeHead(status, type)
            return void res.end(body)
          case 'slow': {
            const timer = setTimeout(() => {
              timers.delete(timer)
              if (!res.destroyed) res.writeHead(status, type).end(body)
            }, slowMs)
            return void timers.add(timer)
          }
          case 'drop':
            return void res.socket?.destroy()
          case 'cut':
            // Promise the whole body, send half, then hang up.
            res.writeHead(status, { ...type, 'Content-Length': String(body.length) })
            res.write(half)
            return void setTimeout(() => res.socket?.destroy(), 20)
          case 'badjson':
            res.writeHead(status, type)
            return void res.end(half)
        }
      })
    })
    upstream.on('error', () => res.socket?.destroy())
    req.pipe(upstream)
  })

  const listen = (port = 0) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  await listen()
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Queues faults for the next requests, in order. */
    fail(...next: ProxyFault[]) {
      faults.push(...next)
    },
    /** Stops or resumes listening on the same port. */
    setOffline: (offline: boolean) => (offline ? stop() : listen(port)),
    close() {
      for (const timer of timers) clearTimeout(timer)
      return server.listening ? stop() : Promise.resolve()
    },
  }
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>
