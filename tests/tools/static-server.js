/* A tiny static file server for the H5 build: e2e tests, size and Lighthouse
 * runs. Serves gzip when the browser asks, like any production web server. */
const http = require('http')
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

function serveStatic(root, { port = 0, host = '127.0.0.1', gzip = true } = {}) {
  const base = path.resolve(root)
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost')
    let file = path.join(base, decodeURIComponent(url.pathname))
    if (!file.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream'
    const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(file)
    const headers = {
      'Content-Type': type,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    let data = fs.readFileSync(file)
    if (gzip && /gzip/.test(req.headers['accept-encoding'] || '') && /text|javascript|json|svg/.test(type)) {
      data = zlib.gzipSync(data, { level: 9 })
      headers['Content-Encoding'] = 'gzip'
      headers.Vary = 'Accept-Encoding'
    }
    headers['Content-Length'] = data.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : data)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: actual } = server.address()
      resolve({
        url: `http://${host}:${actual}`,
        close: () => new Promise((done) => {
          server.closeAllConnections()
          server.close(() => done())
        }),
      })
    })
  })
}

module.exports = { serveStatic }

if (require.main === module) {
  const root = process.argv[2] || 'dist/h5'
  const port = Number(process.argv[3] || 8080)
  serveStatic(root, { port }).then((s) => console.log(`serving ${root} on ${s.url}`))
}
