import type { PrivacyApi } from '../contract'
import type { AccountClosure, MyData, User } from '../types'
import type { Caller } from '../caller'

export function privacyCalls({ send, write, linked }: Caller): PrivacyApi {
  return {
    getMyData: () => send<MyData>({ method: 'GET', path: '/me/data' }).then((data) => ({ ...data, wishes: data.wishes.map(linked) })),
    renameMe: (name, options) => write<User>('POST', '/me/name', { name }, options),
    closeMyAccount: (options) => write<AccountClosure>('POST', '/me/close', {}, options),
  }
}
