import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError, type Message } from '../../../api'
import { inboxApi } from '../../../api/inbox'
import { Action } from '../../../components/Action'
import { CardHead } from '../../../components/CardHead'
import { ListError, ListFooter } from '../../../components/ListParts'
import { PageRoot } from '../../../components/PageRoot'
import { Runs } from '../../../components/Runs'
import { usePagedList } from '../../../components/usePagedList'
import { useWriteKey } from '../../../components/useWriteKey'
import { describeChinaMoment } from '../../../domain/chinaClock'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import '../../inbox.scss'

/** Where a message leads: the ticket, the wish, the applications or the matter. */
function pageOf(message: Message): string {
  switch (message.link.kind) {
    case 'booking':
      return ROUTES.clinicTicket(message.link.id)
    case 'wish':
      return ROUTES.wishDetail(message.link.id)
    case 'application':
      return ROUTES.myApplications
    case 'matter':
      return ROUTES.matter(message.link.id)
    case 'activity':
      return ROUTES.activity(message.link.id)
    case 'roomBooking':
      return ROUTES.myRoomBookings
  }
}

/** 消息: what changed in my bookings, wishes and applications, newest first. */
export default function Inbox() {
  const writeKey = useWriteKey()
  const list = usePagedList(async (cursor) => {
    await ensureSignedIn()
    return inboxApi.listMessages({ cursor })
  }, [])
  const [readHere, setReadHere] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) list.reload()
    setShown(true)
  })
  const unread = (m: Message) => !m.readAt && !readHere.includes(m.id)

  function openMessage(message: Message) {
    if (unread(message)) {
      setReadHere((ids) => [...ids, message.id])
      // Marked in the background: opening the record never waits for it.
      inboxApi.markMessagesRead([message.id]).catch(() => setReadHere((ids) => ids.filter((id) => id !== message.id)))
    }
    open(pageOf(message))
  }

  async function readAll() {
    setProblem(null)
    try {
      await inboxApi.markMessagesRead(undefined, { idempotencyKey: writeKey.keyFor('read-all') })
      writeKey.succeeded('read-all')
      setReadHere(list.items.map((m) => m.id))
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
  }

  return (
    <PageRoot>
      {list.items.some(unread) && (
        <Action className="btn--plain btn--block" onClick={readAll}>
          全部标为已读
        </Action>
      )}
      {problem && (
        <View className="notice notice--error" role="alert">
          <Text>{problem}</Text>
        </View>
      )}
      <ListError list={list} />
      {list.items.map((m) => (
        <View key={m.id} className={`card message ${unread(m) ? 'message--unread' : ''}`}>
          <CardHead>
            <Text className="card__title">{m.title}</Text>
            {unread(m) && <Text className="badge status--pending_review">未读</Text>}
          </CardHead>
          <Runs text={m.body} />
          <Text className="message__when">{describeChinaMoment(m.createdAt)}</Text>
          <View className="row">
            <Action className="btn--primary" label={`查看：${m.title}`} onClick={() => openMessage(m)}>
              查看
            </Action>
          </View>
        </View>
      ))}
      <ListFooter list={list} empty="还没有消息。预约、心愿或报名有变化时，会在这里告诉您。" />
    </PageRoot>
  )
}
