import fs from 'fs/promises'
import http from 'http'
import path from 'path'
import type { RequestFn, UploadFn } from '../../src/api/httpTransport'

/**
 * Taro.request's behaviour in Node, for the contract tests: resolves with the
 * status and raw text on any HTTP answer (4xx/5xx included) and rejects with
 * an errMsg on network failure or timeout, as wx.request does.
 */
export const nodeRequest: RequestFn = (options) =>
  new Promise((resolve, reject) => {
    const body = options.data === undefined ? undefined : JSON.stringify(options.data)
    const req = http.request(options.url, { method: options.method, headers: options.header }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, data: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', (e) => reject({ errMsg: `request:fail ${e.message}` }))
    })
    req.setTimeout(options.timeout, () => {
      req.destroy()
      reject({ errMsg: 'request:fail timeout' })
    })
    req.on('error', (e) => reject({ errMsg: `request:fail ${e.message}` }))
    if (body) req.write(body)
    req.end()
  })

/** Taro.uploadFile's behaviour in Node: the file as multipart/form-data, the answer's text as it came. */
export const nodeUpload: UploadFn = async (options) => {
  const form = new FormData()
  form.append(options.name, new Blob([await fs.readFile(options.filePath)]), path.basename(options.filePath))
  try {
    const res = await fetch(options.url, { method: 'POST', headers: options.header, body: form, signal: AbortSignal.timeout(options.timeout) })
    return { statusCode: res.status, data: await res.text() }
  } catch (error) {
    throw { errMsg: `uploadFile:fail ${(error as Error).message}` }
  }
}

/** An upload's file read the way the embedded demo reads it, for the in-process target. */
export const readLocalFile = async (filePath: string) => new Uint8Array(await fs.readFile(filePath))
