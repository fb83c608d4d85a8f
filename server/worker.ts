import type { SweepResult } from '../backend/sweep'
import type { SubscribeConfig, WorkerConfig } from './config'
import type { OutboxItem, PgStore } from './pgStore'
import type { SendAnswer, SubscribeMessage } from './wechat'

/**
 * WeChat's answers that no retry changes: no send left for the person
 * (43101: they did not accept, or the accept was used), a bad openid,
 * template, page or data. Anything else (busy, rate limit, no answer) is
 * tried again later.
 */
const FINAL_ERRORS = new Set([43101, 40003, 40037, 47003, 41028, 41029, 41030])
const MAX_RETRY_MS = 3600 * 1000
/** Rows claimed at once; sent side by side, each bounded by the send timeout. */
const BATCH = 10

/** The wait before claim `attempt + 1`: the base, doubled each time, at most an hour. */
export function retryDelay(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_MS)
}

export interface WorkerOptions {
  store: PgStore
  /** The time-driven events (Backend.sweep). */
  sweep: () => Promise<SweepResult>
  /** subscribeMessage.send; null (no WeChat or no template): only the sweep runs. */
  send: ((message: SubscribeMessage, timeoutMs: number) => Promise<SendAnswer>) | null
  subscribe: SubscribeConfig | null
  config: WorkerConfig
  now?: () => number
  onError?: (error: unknown, where: string) => void
}

export interface WorkerFigures {
  /** Calls of subscribeMessage.send. */
  sends: number
  sent: number
  retried: number
  failed: number
  sweeps: number
}

export interface Worker {
  /** One pass now (sweep if due, then every due outbox row); tests drive it. */
  runOnce(): Promise<void>
  figures(): WorkerFigures
  stop(): Promise<void>
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The outbox worker: every `pollMs` it runs the sweep when due and sends the
 * due subscribe messages. Several workers (processes) may run on one
 * database: each row is claimed by one of them under a lease, and retried
 * with exponential backoff up to `maxAttempts`, then marked failed.
 */
export function startWorker(options: WorkerOptions): Worker {
  const { store, config, subscribe, send } = options
  const now = options.now ?? Date.now
  const report = options.onError ?? (() => undefined)
  // A send is abandoned well within its lease, so a live worker never outlasts its claim.
  const timeoutMs = Math.min(5000, Math.floor(config.leaseMs / 3))
  const figures: WorkerFigures = { sends: 0, sent: 0, retried: 0, failed: 0, sweeps: 0 }
  let nextSweep = 0
  let stopped = false
  let running: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null

  async function deliver(item: OutboxItem): Promise<void> {
    figures.sends += 1
    const answer = await send!({ openid: item.openid, templateId: item.templateId, page: item.page, data: item.data, state: subscribe!.state }, timeoutMs)
    if (answer.ok) {
      // WeChat's acceptance is final. The window that remains: a worker killed
      // (or a database lost) between WeChat's answer and this update commits
      // leaves the row 'sending'; once its lease ends another worker sends it
      // again, and the person gets it twice. The update is one statement right
      // after the answer, retried briefly, to keep that window as small as we can.
      for (let attempt = 1; ; attempt++) {
        try {
          if (await store.markOutboxSent(item, now())) figures.sent += 1
          return
        } catch (error) {
          if (attempt >= 3) throw error
          await pause(200 * attempt)
        }
      }
    }
    const final = FINAL_ERRORS.has(answer.errcode) || item.attempt >= config.maxAttempts
    await store.markOutboxUnsent(item, `${answer.errcode} ${answer.errmsg}`, final ? null : now() + retryDelay(item.attempt, config.retryMs))
    if (final) figures.failed += 1
    else figures.retried += 1
  }

  async function pass(): Promise<void> {
    if (now() >= nextSweep) {
      nextSweep = now() + config.sweepMs
      figures.sweeps += 1
      await options.sweep().catch((error) => report(error, 'sweep'))
    }
    if (!send || !subscribe) return
    while (!stopped) {
      const items = await store.claimOutbox(now(), config.leaseMs, BATCH)
      if (!items.length) return
      await Promise.all(items.map((item) => deliver(item).catch((error) => report(error, 'send'))))
    }
  }

  function runOnce(): Promise<void> {
    running = running.then(() => pass().catch((error) => report(error, 'outbox')))
    return running
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => void runOnce().then(schedule), config.pollMs)
    timer.unref()
  }
  void runOnce().then(schedule)

  return {
    runOnce,
    figures: () => ({ ...figures }),
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
