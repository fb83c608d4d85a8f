import Busboy from '@fastify/busboy'
import { randomBytes } from 'crypto'
import http from 'http'
import type { AddressInfo } from 'net'
import type { HttpMethod } from '../src/api/contract'
import type { Backend, DispatchRequest } from '../backend/core'
import { nodeSecrets, signedPhotoLinks } from '../backend/nodeSecrets'
import { MAX_PHOTO_BYTES } from '../backend/photoBytes'
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

/** An upload's one file (multipart/form-data, as WeChat's uploadFile sends it), or the words of its refusal. */
function readUpload(req: http.IncomingMessage): Promise<Uint8Array | string> {
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('multipart/form-data')) return Promise.resolve('请以文件方式上传照片')
  return new Promise((resolve) => {
    let file: Uint8Array | string = '请选择一张照片'
    const parser = Busboy({ headers: { ...req.headers, 'content-type': type }, limits: { files: 1, fileSize: MAX_PHOTO_BYTES } })
    parser.on('file', (_field, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => (file = stream.truncated ? '照片太大（最多 2 MB），请换一张' : new Uint8Array(Buffer.concat(chunks))))
    })
    parser.on('finish', () => resolve(file))
    parser.on('error', () => resolve('照片没有传完整，请重试'))
    req.pipe(parser)
  })
}

/** The mock backend over HTTP on loopback: the same rules, a real network hop. */
export function startMockServer(options: MockServerOptions = {}): Promise<RunningServer> {
  const backend = options.backend ?? createDemoBackend({ secrets: nodeSecrets, photoLinks: signedPhotoLinks(randomBytes(32)) }).backend
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
    let file: Uint8Array | undefined
    if (method === 'POST' && url.pathname === '/photos') {
      const upload = await readUpload(req)
      if (typeof upload === 'string') {
        send(res, 400, { error: { code: 'VALIDATION', message: upload, fields: { photo: upload } } })
        return
      }
      file = upload
      body = {}
    } else if (method !== 'GET') {
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
    const request: DispatchRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      body,
      token: auth.startsWith('Bearer ') ? auth.slice(7) : null,
      idempotencyKey: (req.headers['idempotency-key'] as string | undefined) || undefined,
      file,
    }
    const answer = await backend.dispatch(request)
    options.log?.(`${method} ${url.pathname} → ${answer.status}`)
    if (answer.file) {
      res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': answer.file.type, 'Cache-Control': 'private, max-age=3600' })
      res.end(Buffer.from(answer.file.bytes))
      return
    }
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
