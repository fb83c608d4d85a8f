import { createClient } from '../../src/api/client'
import type { ApiRequest } from '../../src/api/contract'
import { ApiError } from '../../src/api/errors'
import { failureOf } from './targets'

/**
 * A scripted transport: tokens in `valid` are accepted, anything else gets
 * 401 (a little later, so concurrent requests overlap). Records every call.
 */
function fakeServer(valid: Set<string>) {
  const calls: ApiRequest[] = []
  const transport = (req: ApiRequest) => {
    calls.push(req)
    return new Promise((resolve, reject) =>
      setTimeout(() => (req.token && valid.has(req.token) ? resolve({ path: req.path, token: req.token }) : reject(new ApiError('UNAUTHORIZED'))), 5),
    )
  }
  return { calls, transport }
}

/** A client whose token is `expired`; re-login hands out `fresh-N` (valid unless told otherwise). */
function setup({ freshIsValid = true } = {}) {
  const valid = new Set<string>()
  const server = fakeServer(valid)
  let token: string | null = 'expired'
  let logins = 0
  const reauthenticate = jest.fn(async () => {
    logins += 1
    token = `fresh-${logins}`
    if (freshIsValid) valid.add(token)
    return token
  })
  const api = createClient({ transport: server.transport, getToken: () => token, reauthenticate })
  return { api, calls: server.calls, reauthenticate, setToken: (t: string | null) => void (token = t) }
}

describe('silent re-login after an expired session', () => {
  it('signs in once for all concurrent requests and retries each of them once', async () => {
    const { api, calls, reauthenticate } = setup()
    const results = await Promise.all([api.getMe(), api.listMyBookings(), api.getMeta(), api.renameMe('李明', { idempotencyKey: 'k-1' })])
    expect(reauthenticate).toHaveBeenCalledTimes(1)
    expect(results.map((r) => (r as unknown as { token: string }).token)).toEqual(['fresh-1', 'fresh-1', 'fresh-1', 'fresh-1'])
    expect(calls).toHaveLength(8)
    expect(calls.map((c) => c.token)).toEqual([...Array(4).fill('expired'), ...Array(4).fill('fresh-1')])
  })

  it('keeps the Idempotency-Key of a write it retries', async () => {
    const { api, calls } = setup()
    await api.bookClinic('c1', 't2', {} as never, { idempotencyKey: 'book-1' })
    expect(calls.map((c) => [c.token, c.idempotencyKey])).toEqual([
      ['expired', 'book-1'],
      ['fresh-1', 'book-1'],
    ])
  })

  it('returns a second 401 to the caller as UNAUTHORIZED, without signing in again', async () => {
    const { api, calls, reauthenticate } = setup({ freshIsValid: false })
    const error = await failureOf(api.getMe())
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('UNAUTHORIZED')
    expect(reauthenticate).toHaveBeenCalledTimes(1)
    expect(calls).toHaveLength(2)
  })

  it('signs in again for a later expiry, once more', async () => {
    const { api, reauthenticate, setToken } = setup()
    await api.getMe()
    setToken('expired')
    await Promise.all([api.getMe(), api.getMe()])
    expect(reauthenticate).toHaveBeenCalledTimes(2)
  })

  it('never re-logs in for /auth/* (no recursion) nor for a request sent without a token', async () => {
    const { api, calls, reauthenticate, setToken } = setup()
    expect((await failureOf(api.login('code'))).code).toBe('UNAUTHORIZED')
    expect((await failureOf(api.switchDemoAccount('elder'))).code).toBe('UNAUTHORIZED')
    setToken(null)
    expect((await failureOf(api.getMe())).code).toBe('UNAUTHORIZED')
    expect(reauthenticate).not.toHaveBeenCalled()
    expect(calls).toHaveLength(3)
  })

  it('passes on other errors untouched, and a failed re-login as its own error', async () => {
    const transport = jest.fn().mockRejectedValueOnce(new ApiError('NETWORK')).mockRejectedValueOnce(new ApiError('UNAUTHORIZED'))
    const reauthenticate = jest.fn().mockRejectedValue(new ApiError('TIMEOUT'))
    const api = createClient({ transport, getToken: () => 'expired', reauthenticate })
    expect((await failureOf(api.getMe())).code).toBe('NETWORK')
    expect(reauthenticate).not.toHaveBeenCalled()
    expect((await failureOf(api.getMe())).code).toBe('TIMEOUT')
    expect(transport).toHaveBeenCalledTimes(2)
  })

  it('returns the 401 when re-login yields no session', async () => {
    const { calls, transport } = fakeServer(new Set())
    const api = createClient({ transport, getToken: () => 'expired', reauthenticate: async () => null })
    expect((await failureOf(api.getMe())).code).toBe('UNAUTHORIZED')
    expect(calls).toHaveLength(1)
  })
})
