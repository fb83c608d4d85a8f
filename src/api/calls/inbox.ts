import type { InboxApi } from '../contract'
import type { Message, UnreadCount } from '../types'
import type { Caller } from '../caller'

export function inboxCalls({ write, page }: Caller): InboxApi {
  return {
    listMessages: (query = {}) => page<Message>('/messages', { ...query }),
    markMessagesRead: (ids, options) => write<UnreadCount>('POST', '/messages/read', ids ? { ids } : {}, options),
  }
}
