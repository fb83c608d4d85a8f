import http from 'http'
import type { AddressInfo } from 'net'

export type Fault = 'ok' | '500' | 'hang' | 'cut' | 'badjson' | '401'

/**
 * A deliberately broken backend: each request gets the next fault in the
 * script (the last one repeats), so tests can stage "fail, then recover".
 */
export async function startFaultServer(script: Fault[]) {
  const seen: { method: string; path: string; idempotencyKey?: string }[] = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', idempotencyKey: req.headers['idempotency-key'] as string })
    const fault = script[Math.min(seen.length - 1, script.length - 1)]
    const json = (status: number, body: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(body)
    }
    switch (fault) {
      case 'ok':
        return json(200, JSON.stringify({ name: '东安社区服务', demo: true, serverTime: '2026-11-25T09:00:00+08:00' }))
      case '500':
        return json(500, '{"error":{"code":"SERVER","message":"数据库暂时不可用"}}')
      case '401':
        return json(401, '{"error":{"code":"UNAUTHORIZED","message":"登录已过期"}}')
      case 'badjson':
        return json(200, '{"name": "东安', )
      case 'cut':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' })
        res.write('{"name":"东安社区')
        setTimeout(() => res.destroy(), 20)
        return
      case 'hang':
        return // never answers
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A loopback address where nothing listens. */
export async function unusedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
