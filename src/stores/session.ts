import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { api, setApiReauthenticate, setApiToken, type Session, type User } from '../api'
import { getLoginCode } from '../platform/login'
import { STORED, taroStateStorage } from '../platform/storage'
import { ensureConsent } from './consent'

interface SessionState {
  token: string | null
  user: User | null
  /** The grid whose card the home page shows (from a QR code or the picker). */
  gridCode: string | null
  /** 长辈模式: larger text and touch targets everywhere; stays on once chosen. */
  elderMode: boolean
  /** 长辈模式 was offered once because WeChat's font is large (never again, whatever the answer). */
  elderModeOffered: boolean
  setElderMode: (on: boolean) => void
  markElderModeOffered: () => void
  chooseGrid: (code: string) => void
  signIn: (session: Session) => void
  signOut: () => void
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      user: null,
      gridCode: null,
      elderMode: false,
      elderModeOffered: false,
      setElderMode: (elderMode) => set({ elderMode }),
      markElderModeOffered: () => set({ elderModeOffered: true }),
      chooseGrid: (gridCode) => set({ gridCode }),
      signIn: ({ token, user }) => set({ token, user }),
      signOut: () => set({ token: null, user: null }),
    }),
    {
      name: STORED.session,
      storage: createJSONStorage(() => taroStateStorage),
      partialize: ({ token, user, gridCode, elderMode, elderModeOffered }) => ({ token, user, gridCode, elderMode, elderModeOffered }),
    },
  ),
)

// The API reads the bearer token from here, now and after every change.
setApiToken(useSession.getState().token)
useSession.subscribe((state) => setApiToken(state.token))

let pendingSignIn: Promise<User> | null = null

/**
 * The signed-in user, signing in silently when needed (wx.login → backend),
 * or again when `renew` says the session expired. Concurrent callers share one sign-in.
 */
export function ensureSignedIn(renew = false): Promise<User> {
  const { token, user } = useSession.getState()
  if (token && user && !renew) return Promise.resolve(user)
  if (!pendingSignIn) {
    pendingSignIn = (async () => {
      // Nothing personal is sent before the person agreed to the 隐私政策.
      await ensureConsent()
      const session = await api.login(await getLoginCode())
      useSession.getState().signIn(session)
      return session.user
    })().finally(() => {
      pendingSignIn = null
    })
  }
  return pendingSignIn
}

// An expired session: the API signs in again once, then retries with the new token.
setApiReauthenticate(() => ensureSignedIn(true).then(() => useSession.getState().token))

/** Fresh profile from the backend (an expired session is renewed by the API). */
export async function refreshUser(): Promise<User> {
  await ensureSignedIn()
  const user = await api.getMe()
  useSession.setState({ user })
  return user
}
