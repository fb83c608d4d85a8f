import { spawn, type ChildProcess } from 'child_process'
import path from 'path'

const MAIN = path.join(__dirname, '..', '..', '.tmp', 'node', 'server', 'main.js')

/** A server started as its own process (`npm run server`'s entry), as operators run it. */
export interface ServerProcess {
  url: string
  child: ChildProcess
  /** SIGKILL: no shutdown, no flush, like a power cut of the process. */
  kill(): Promise<void>
  stop(): Promise<void>
}

export const RACE_LIMITS = { RATE_LIMIT_PER_ADDRESS: '1000000', RATE_LIMIT_SIGN_IN: '1000000', RATE_LIMIT_WRITES_PER_USER: '1000000' }

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn('node', [MAIN], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /server on (http:\/\/[\d.]+:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1], child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
    })
  })
}
