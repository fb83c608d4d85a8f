import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError, type ApplicationStatus } from '../../../api'
import { jobsApi } from '../../../api/jobs'
import { Action } from '../../../components/Action'
import { CallButton } from '../../../components/CallButton'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { APPLICATION_STATUS_LABEL, nextStatuses } from '../../../domain/jobs'
import '../../jobs.scss'
import { useWriteKey } from '../../../components/useWriteKey'
import { CardHead } from '../../../components/CardHead'

/** Staff: who applied, and moving each application to its next status. */
export default function Applicants() {
  const writeKey = useWriteKey()
  const id = useRouter().params.id ?? ''
  const { value, error, reload } = useLoaded(() => Promise.all([jobsApi.getJob(id), jobsApi.listApplicants(id)]), [id])
  const [message, setMessage] = useState<string | null>(null)

  if (!value) {
    return <LoadingPage error={error} onRetry={reload} />
  }
  const [posting, apps] = value

  async function move(appId: string, status: ApplicationStatus) {
    setMessage(null)
    try {
      const intent = `status:${appId}:${status}`
      const next = await jobsApi.setApplicationStatus(appId, status, { idempotencyKey: writeKey.keyFor(intent) })
      writeKey.succeeded(intent)
      setMessage(`${next.name}：${APPLICATION_STATUS_LABEL[next.status]}`)
      reload()
    } catch (failure) {
      setMessage(toApiError(failure).message)
    }
  }

  return (
    <PageRoot>
      <View className="card">
        <View className="card__title" role="heading" aria-level={1}>
          {posting.title}
        </View>
        <Text>共{apps.length}人报名</Text>
      </View>
      {message && (
        <View className="notice" role="status">
          {message}
        </View>
      )}
      {apps.length === 0 && <View className="muted center">还没有人报名</View>}
      {apps.map((a) => (
        <View key={a.id} className="card applicant-item">
          <CardHead>
            <Text className="card__title">{a.name}</Text>
            <Text className="badge">{APPLICATION_STATUS_LABEL[a.status]}</Text>
          </CardHead>
          {a.note && <Text>留言：{a.note}</Text>}
          <View className="row">
            <CallButton phone={a.phone} who={a.name} className="btn--small" />
            {nextStatuses(a.status).map((status) => (
              <Action key={status} className={status === 'rejected' ? 'btn--plain' : 'btn--primary'} label={`${a.name}：标为${APPLICATION_STATUS_LABEL[status]}`} onClick={() => move(a.id, status)}>
                标为{APPLICATION_STATUS_LABEL[status]}
              </Action>
            ))}
          </View>
        </View>
      ))}
    </PageRoot>
  )
}
