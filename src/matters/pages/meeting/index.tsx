import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type Meeting, type MatterView } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { DECISION_RULE, MINUTES_RULE, validateDecision, validateMinutes } from '../../../domain/meetings'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import { MeetingHead } from '../../components/MeetingParts'
import '../../matters.scss'

/** Matters of the meeting's grid that staff may still put on its agenda. */
async function candidatesFor(meeting: Meeting): Promise<MatterView[]> {
  const page = await mattersApi.listMattersToHandle({ limit: 50 })
  return page.items.filter((m) => m.gridCode === meeting.gridCode && !meeting.agenda.some((i) => i.matterId === m.id))
}

/** One 网格议事会: who attends, the agenda with each decision; staff record decisions and publish the minutes (决议). */
export default function MeetingDetail() {
  const id = useRouter().params.id ?? ''
  const { value, error, reload, setValue } = useLoaded(async () => {
    const user = await ensureSignedIn()
    const meeting = await mattersApi.getMeeting(id)
    const manage = user.role === 'staff' && meeting.status === 'scheduled'
    return { manage, meeting, candidates: manage ? await candidatesFor(meeting) : [] }
  }, [id])
  const [decisions, setDecisions] = useState<Record<string, string>>({})
  const [active, setActive] = useState<string | null>(null)
  const [minutes, setMinutes] = useState('')
  const [flash, setFlash] = useState<string | null>(null)
  const { errors, notice, sending, clearError, submit } = useFormSubmit()

  if (!value) return <LoadingPage error={error} onRetry={reload} />
  const { manage, meeting, candidates } = value
  const show = async (next: Meeting, done: string) => {
    const manageNext = next.status === 'scheduled'
    setValue({ manage: manageNext, meeting: next, candidates: manageNext ? await candidatesFor(next) : [] })
    setFlash(done)
  }

  const add = (matter: MatterView) =>
    submit({}, async (idempotencyKey) => show(await mattersApi.addMeetingItem(meeting.id, matter.id, { idempotencyKey }), '已列入议程'), '还没有列入议程，请再点一次。')
  const decide = (matterId: string) => {
    setActive(matterId)
    const decision = decisions[matterId] ?? ''
    return submit(
      validateDecision({ decision }),
      async (idempotencyKey) => show(await mattersApi.decideMeetingItem(meeting.id, matterId, decision, { idempotencyKey }), '决议已记录，公布前还可以修改'),
      '决议还没有记录，写的内容都还在，请再点一次“记录决议”。',
    )
  }
  const publish = () => {
    setActive(null)
    return submit(
      validateMinutes(meeting, { minutes }),
      async (idempotencyKey) => show(await mattersApi.publishMeeting(meeting.id, minutes, { idempotencyKey }), '决议已公布，本网格居民都能看到'),
      '决议还没有公布，写的内容都还在，请再点一次“公布决议”。',
    )
  }

  return (
    <PageRoot>
      {flash && (
        <View className="notice" role="status">
          <Text>{flash}</Text>
        </View>
      )}
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <View className="card matter-item">
        <MeetingHead meeting={meeting} level={1} />
        <Text>参会人员：{meeting.attendees.map((a) => `${a.role} ${a.name}`).join('、')}</Text>
        {meeting.minutes && <Text>会议决议：{meeting.minutes}</Text>}
      </View>

      <View className="card" role="region" ariaLabel="议程">
        <Text className="card__title">议程</Text>
        {meeting.agenda.length === 0 && <Text className="muted-line">议程上还没有事项</Text>}
        {meeting.agenda.map((item, i) => (
          <View key={item.matterId} className="matter-item agenda-item">
            <Text>
              {i + 1}. {item.kind}：{item.text || '不公开的事项'}
            </Text>
            <Text className={item.decision ? '' : 'muted-line'}>{item.decision ? `决议：${item.decision}` : '待议定'}</Text>
            {item.text && (
              <Action className="btn--plain" label={`查看事项：${item.text}`} onClick={() => open(ROUTES.matter(item.matterId))}>
                查看事项
              </Action>
            )}
            {manage && (
              <>
                <Field
                  id={`decision-${item.matterId}`}
                  label="本项决议"
                  multiline
                  maxChars={DECISION_RULE.max}
                  value={decisions[item.matterId] ?? item.decision ?? ''}
                  error={active === item.matterId ? errors.decision : null}
                  onChange={(typed) => {
                    setDecisions({ ...decisions, [item.matterId]: typed })
                    if (active === item.matterId) clearError('decision')
                  }}
                />
                <Action className="btn--primary" disabled={sending} label={`记录决议：第${i + 1}项`} onClick={() => decide(item.matterId)}>
                  记录决议
                </Action>
              </>
            )}
          </View>
        ))}
      </View>

      {manage && (
        <View className="card" role="region" ariaLabel="列入议程">
          <Text className="card__title">列入议程</Text>
          {candidates.length === 0 && <Text className="muted-line">本网格没有可以列入的事项</Text>}
          {candidates.map((m) => (
            <View key={m.id} className="matter-item">
              <Text>
                {m.kind}：{m.text}
              </Text>
              <Action className="btn--plain" disabled={sending} label={`列入议程：${m.text}`} onClick={() => add(m)}>
                列入议程
              </Action>
            </View>
          ))}
        </View>
      )}

      {manage && (
        <View className="card form" role="region" ariaLabel="公布决议">
          <Field
            id="meeting-minutes"
            label="会议决议（公布后不能修改）"
            required
            multiline
            maxChars={MINUTES_RULE.max}
            value={minutes}
            error={errors.minutes}
            onChange={(typed) => {
              setMinutes(typed)
              clearError('minutes')
            }}
          />
          {errors.agenda && (
            <View className="field__error" role="alert">
              {errors.agenda}
            </View>
          )}
          <Action className="btn--primary btn--block" disabled={sending} onClick={publish}>
            公布决议
          </Action>
        </View>
      )}
    </PageRoot>
  )
}
