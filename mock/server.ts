import http from 'http'
import type { AddressInfo } from 'net'
import type { ApiRequest, HttpMethod } from '../src/api/contract'
import type { Backend } from '../backend/core'
import { nodeSecrets } from '../backend/nodeSecrets'
import { createDemoBackend } from './demoBackend'

export interface MockServerOptions {
  port?: number
  host?: string
  backend?: Backend
  log?: (line: string) => void
}

export interface RunningServer {
  url: string
  backend: Backend
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': METHODS.join(', '),
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Accept',
  'Access-Control-Max-Age': '600',
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' })
  res.end(text)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The mock backend over HTTP on loopback: the same rules, a real network hop. */
export function startMockServer(options: MockServerOptions = {}): Promise<RunningServer> {
  const backend = options.backend ?? createDemoBackend({ secrets: nodeSecrets }).backend
  const server = http.createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS)
      res.end()
      return
    }
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!METHODS.includes(method)) {
      send(res, 405, { error: { code: 'NOT_FOUND', message: '不支持的请求方法' } })
      return
    }
    let body: unknown
    if (method !== 'GET') {
      let text: string
      try {
        text = await readBody(req)
      } catch {
        send(res, 413, { error: { code: 'VALIDATION', message: '提交的内容太大' } })
        return
      }
      try {
        body = text ? JSON.parse(text) : {}
      } catch {
        send(res, 400, { error: { code: 'VALIDATION', message: '提交的内容不是有效的 JSON' } })
        return
      }
    }
    const auth = req.headers.authorization ?? ''
    const request: ApiRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      body,
      token: auth.startsWith('Bearer ') ? auth.slice(7) : null,
      idempotencyKey: (req.headers['idempotency-key'] as string | undefined) || undefined,
    }
    const answer = await backend.dispatch(request)
    options.log?.(`${method} ${url.pathname} → ${answer.status}`)
    res.writeHead(answer.status, { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' })
    res.end(answer.text)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { address, port } = server.address() as AddressInfo
      resolve({
        url: `http://${address}:${port}`,
        backend,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
