import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/** Everything the app keeps on the phone, by storage key: one place to see it all. */
export const STORED = {
  session: 'dongan-session',
  lastCard: 'dongan-last-card',
  tickets: 'dongan-tickets',
  wishDraft: 'dongan-wish-draft',
  consent: 'dongan-consent',
} as const

/** Taro's synchronous storage (wx storage / localStorage) for zustand's persist. */
export const taroStateStorage: StateStorage = {
  getItem: (name) => {
    try {
      const value = Taro.getStorageSync(name)
      return typeof value === 'string' && value ? value : null
    } catch {
      return null
    }
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value)
    } catch {
      // Full or unavailable storage must never break the app.
    }
  },
  removeItem: (name) => {
    try {
      Taro.removeStorageSync(name)
    } catch {
      // ignore
    }
  },
}

export function readJson<T>(key: string): T | null {
  const raw = taroStateStorage.getItem(key)
  if (typeof raw !== 'string') return null
  try {
    return JSON.parse(raw) as T
  } catch {
    return null
  }
}

export function writeJson(key: string, value: unknown): void {
  taroStateStorage.setItem(key, JSON.stringify(value))
}

/**
 * 注销账号: what names or describes the person (opened tickets, an unsent
 * wish) leaves the phone. The session is ended by the session store; the
 * grid's public card and the 长辈模式 choice stay.
 */
export function forgetPersonalData(): void {
  taroStateStorage.removeItem(STORED.tickets)
  taroStateStorage.removeItem(STORED.wishDraft)
}
