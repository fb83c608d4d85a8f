import { api } from '../../src/api'
import { refreshUser, useSession } from '../../src/stores/session'

// The app's own `api` on the embedded mock, wired to the session store.
async function expiredSession() {
  const session = await api.switchDemoAccount('resident')
  // A token the backend does not know: what an expired session looks like.
  useSession.getState().signIn({ token: 'expired-token', user: session.user })
}

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe('an expired session in the app', () => {
  it('signs in again silently, once for all waiting requests, and stores the new token', async () => {
    await expiredSession()
    const login = jest.spyOn(api, 'login')
    const [me, bookings, wishes] = await Promise.all([api.getMe(), api.listMyBookings(), api.listMyWishes()])
    expect(login).toHaveBeenCalledTimes(1)
    expect(me.name).toBe('李明')
    expect(Array.isArray(bookings)).toBe(true)
    expect(Array.isArray(wishes.items)).toBe(true)
    const { token, user } = useSession.getState()
    expect(token).not.toBe('expired-token')
    expect(token).toBeTruthy()
    expect(user?.name).toBe('李明')
  })

  it('refreshes the profile through the renewed session', async () => {
    await expiredSession()
    expect((await refreshUser()).name).toBe('李明')
    expect(useSession.getState().token).not.toBe('expired-token')
  })
})
