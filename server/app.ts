import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify'
import type { ErrorCode } from '../src/api/errors'
import type { Backend } from '../backend/core'
import { MAX_PHOTO_BYTES } from '../backend/photoBytes'
import type { ServerConfig } from './config'

export const BODY_LIMIT = 64 * 1024
const SIGN_IN_PATHS = new Set(['/auth/login', '/auth/phone', '/auth/demo'])

const errorBody = (code: ErrorCode, message: string, fields?: Record<string, string>) => ({ error: { code, message, ...(fields ? { fields } : {}) } })

/** The one route that takes a file: a photo, as multipart/form-data (WeChat's uploadFile). */
const UPLOAD_PATH = '/photos'

class UploadRefused extends Error {}

/** The upload's one file, at most 2 MB; anything else is refused with words for the photo field. */
async function readUpload(request: FastifyRequest): Promise<Uint8Array> {
  if (!request.isMultipart()) throw new UploadRefused('请以文件方式上传照片')
  const part = await request.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 4 } })
  if (!part) throw new UploadRefused('请选择一张照片')
  try {
    return await part.toBuffer()
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new UploadRefused('照片太大（最多 2 MB），请换一张')
    throw error
  }
}

function bearer(request: FastifyRequest): string | null {
  const auth = request.headers.authorization ?? ''
  return auth.startsWith('Bearer ') ? auth.slice(7) : null
}

export interface AppOptions {
  backend: Backend
  config: Pick<ServerConfig, 'corsOrigins' | 'staticDir' | 'rateLimit'>
  /** pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>
}

/**
 * The HTTP host: Fastify's router maps the contract's paths onto the core,
 * which runs each request in one store transaction. JSON only, 64 KB bodies
 * (but the photo upload: multipart, one file of at most 2 MB),
 * rate limits, security headers; every failure in the contract's error shape.
 */
export async function buildApp({ backend, config, logger = false }: AppOptions): Promise<FastifyInstance> {
  // Fastify's own request lines carry the URL and headers: ours below carry only what is safe.
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT, logController: new LogController({ disableRequestLogging: true }), trustProxy: false })
  // JSON is the only body the contract knows: anything else is a 415.
  app.removeContentTypeParser('text/plain')

  await app.register(helmet, {
    // The H5 build's index.html carries its own small inline boot script.
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  })
  if (config.corsOrigins.length) {
    await app.register(cors, {
      origin: config.corsOrigins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept'],
      maxAge: 600,
    })
  }
  // Only the upload route reads multipart bodies; its limits are set where it reads them.
  await app.register(multipart)
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.perAddress,
    timeWindow: '1 minute',
    errorResponseBuilder: () => ({ statusCode: 429, ...errorBody('RATE_LIMITED', '操作太频繁了，请稍等一分钟再试') }),
  })

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500
    if (status === 429) return reply.code(429).send(errorBody('RATE_LIMITED', '操作太频繁了，请稍等一分钟再试'))
    if (status === 413) return reply.code(413).send(errorBody('VALIDATION', '提交的内容太大（最多 64 KB），请删减后再试'))
    if (status === 415) return reply.code(415).send(errorBody('VALIDATION', '只接受 JSON 格式的内容'))
    if (status >= 400 && status < 500) return reply.code(400).send(errorBody('VALIDATION', '提交的内容不是有效的 JSON'))
    request.log.error({ err: { type: error.name, code: error.code } }, 'request failed')
    return reply.code(500).send(errorBody('SERVER', '服务器出了点问题，请稍后重试'))
  })
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody('NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`)))

  // One log line per request: method, route pattern, status, time and user; never a body, token or phone.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: (request as { userId?: string }).userId ?? null },
      'request',
    )
  })

  for (const route of backend.routeList()) {
    const isWrite = route.method !== 'GET'
    const limit = SIGN_IN_PATHS.has(route.path)
      ? { max: config.rateLimit.signIn, timeWindow: '1 minute' }
      : isWrite
        ? { max: config.rateLimit.writesPerUser, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => bearer(req) ?? req.ip }
        : undefined
    const isUpload = route.method === 'POST' && route.path === UPLOAD_PATH
    app.route({
      method: route.method as 'GET',
      url: route.path,
      config: limit ? { rateLimit: limit } : {},
      ...(isUpload ? { bodyLimit: MAX_PHOTO_BYTES + 64 * 1024 } : {}),
      handler: async (request, reply) => {
        let file: Uint8Array | undefined
        if (isUpload) {
          try {
            file = await readUpload(request)
          } catch (error) {
            if (!(error instanceof UploadRefused)) throw error
            return reply.code(400).send(errorBody('VALIDATION', error.message, { photo: error.message }))
          }
        }
        const answer = await backend.dispatch({
          method: route.method as 'GET',
          path: request.url.split('?')[0],
          query: request.query as Record<string, string>,
          body: isUpload ? {} : request.body,
          file,
          token: bearer(request),
          idempotencyKey: (request.headers['idempotency-key'] as string | undefined) || undefined,
        })
        ;(request as { userId?: string }).userId = answer.userId
        if (answer.file) {
          // A signed link is the permission, so the photo may be shown by the app on another origin (H5).
          return reply
            .code(200)
            .type(answer.file.type)
            .header('Cache-Control', 'private, max-age=3600')
            .header('Cross-Origin-Resource-Policy', 'cross-origin')
            .send(Buffer.from(answer.file.bytes))
        }
        return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.text)
      },
    })
  }

  if (config.staticDir) {
    // One origin for the H5 build and the API: no CORS preflight on any call.
    await app.register(fastifyStatic, { root: config.staticDir, prefix: '/', maxAge: '1h' })
  }
  return app
}
