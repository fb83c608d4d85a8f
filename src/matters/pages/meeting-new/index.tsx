import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api, type Attendee, type MeetingDraft } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { ATTENDEE_NAME_RULE, ATTENDEE_ROLES, MAX_ATTENDEES, MEETING_PLACE_RULE, validateMeetingDraft } from '../../../domain/meetings'
import { ROUTES } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import '../../matters.scss'

const EMPTY: MeetingDraft = {
  gridCode: '',
  date: '',
  start: '19:00',
  place: '',
  attendees: [
    { role: '网格书记', name: '' },
    { role: '网格员', name: '' },
    { role: '楼栋长', name: '' },
  ],
}

/** Staff: a 网格议事会 for a grid — China date and time, place, and who attends by role. */
export default function NewMeeting() {
  const { value: grids, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return (await api.listCommunities()).flatMap((c) => c.grids)
  }, [])
  const [draft, setDraft] = useState<MeetingDraft>(EMPTY)
  const { errors, notice, sending, clearError, submit } = useFormSubmit()
  if (!grids) return <LoadingPage error={error} onRetry={reload} />

  const update = (patch: Partial<MeetingDraft>, field: string) => {
    setDraft((current) => ({ ...current, ...patch }))
    clearError(field)
  }
  const setAttendee = (index: number, patch: Partial<Attendee>) =>
    update({ attendees: draft.attendees.map((a, i) => (i === index ? { ...a, ...patch } : a)) }, 'attendees')
  const names = Object.fromEntries(grids.map((g) => [g.name, g.code]))
  const chosen = grids.find((g) => g.code === draft.gridCode)?.name ?? null

  const save = () =>
    submit(
      validateMeetingDraft(draft, Date.now()),
      async (idempotencyKey) => {
        const meeting = await mattersApi.scheduleMeeting(draft, { idempotencyKey })
        Taro.redirectTo({ url: ROUTES.meeting(meeting.id) })
      },
      '议事会还没有安排好，填写的内容都还在，请再点一次“安排议事会”。',
    )

  return (
    <PageRoot>
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <View className="card form">
        <Choice label="网格" required options={grids.map((g) => g.name)} value={chosen} error={errors.gridCode} onChange={(name) => update({ gridCode: names[name] }, 'gridCode')} />
        <View className="row row--fields">
          <Field id="meeting-date" label="日期" required type="date" placeholder="2026-12-08" value={draft.date} error={errors.date} onChange={(date) => update({ date }, 'date')} />
          <Field id="meeting-start" label="开始时间" required type="time" value={draft.start} error={errors.start} onChange={(start) => update({ start }, 'start')} />
        </View>
        <Field id="meeting-place" label="地点" required maxChars={MEETING_PLACE_RULE.max} placeholder="例如：友谊路9号党群服务站二楼" value={draft.place} error={errors.place} onChange={(place) => update({ place }, 'place')} />
      </View>
      <View className="card form" role="region" ariaLabel="参会人员">
        <Text className="card__title">参会人员</Text>
        {draft.attendees.map((a, i) => (
          <View key={i} className="matter-item">
            <Choice label={`第${i + 1}位的身份`} options={ATTENDEE_ROLES} value={a.role} onChange={(role) => setAttendee(i, { role })} />
            <Field id={`attendee-${i}`} label={`第${i + 1}位的姓名`} maxChars={ATTENDEE_NAME_RULE.max} value={a.name} onChange={(name) => setAttendee(i, { name })} />
            {draft.attendees.length > 1 && (
              <Action className="btn--plain" label={`删去第${i + 1}位参会人员`} onClick={() => update({ attendees: draft.attendees.filter((_, j) => j !== i) }, 'attendees')}>
                删去
              </Action>
            )}
          </View>
        ))}
        {errors.attendees && (
          <View className="field__error" role="alert">
            {errors.attendees}
          </View>
        )}
        {draft.attendees.length < MAX_ATTENDEES && (
          <Action className="btn--plain btn--block" onClick={() => update({ attendees: [...draft.attendees, { role: '居民代表', name: '' }] }, 'attendees')}>
            添加参会人员
          </Action>
        )}
      </View>
      <Action className="btn--primary btn--block" disabled={sending} onClick={save}>
        {sending ? '正在安排…' : '安排议事会'}
      </Action>
    </PageRoot>
  )
}
