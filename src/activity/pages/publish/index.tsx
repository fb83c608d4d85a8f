import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { type ActivityDraft, type ActivityKind, type Audience } from '../../../api'
import { activityApi } from '../../../api/activity'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { ACTIVITY_KINDS, AUDIENCES, AUDIENCE_LABEL, checkRepeatMonths, describeMonthlyRule, validateActivityDraft } from '../../../domain/activity'
import { inChina } from '../../../domain/chinaTime'
import { ROUTES } from '../../../platform/navigation'
import '../../activity.scss'

/** The form as typed: numbers and the deadline stay text until submitted, so nothing typed is lost. */
interface Form {
  theme: string
  kind: ActivityKind
  unit: string
  date: string
  start: string
  end: string
  place: string
  capacity: string
  bring: string
  audience: Audience[]
  deadlineDate: string
  deadlineTime: string
  /** 1: once; more: one a month by the rule. */
  months: string
}

const blank = (): Form => {
  const day = inChina(Date.now()).add(7, 'day')
  return {
    theme: '',
    kind: '党员责任区集中奉献日',
    unit: '东安社区党委',
    date: day.format('YYYY-MM-DD'),
    start: '09:00',
    end: '11:00',
    place: '',
    capacity: '',
    bring: '',
    audience: ['volunteers', 'party', 'residents'],
    deadlineDate: day.subtract(1, 'day').format('YYYY-MM-DD'),
    deadlineTime: '18:00',
    months: '1',
  }
}

const toActivityDraft = (f: Form): ActivityDraft => ({
  theme: f.theme,
  kind: f.kind,
  unit: f.unit,
  date: f.date,
  start: f.start,
  end: f.end,
  place: f.place,
  capacity: f.capacity.trim() === '' ? NaN : Number(f.capacity),
  bring: f.bring,
  audience: f.audience,
  deadline: `${f.deadlineDate}T${f.deadlineTime}:00+08:00`,
})

/** Staff publish an activity; errors show beside their fields and the form keeps what was typed. */
export default function PublishActivity() {
  const [form, setForm] = useState<Form>(blank)
  const { errors, notice, sending, clearError, submit } = useFormSubmit()
  const set = (patch: Partial<Form>, field: string) => {
    setForm({ ...form, ...patch })
    clearError(field)
  }
  // errorOf: the draft's field whose message this input clears (the deadline is two inputs, its message under the first).
  const text = (name: keyof Form, label: string, extra: { multiline?: boolean; type?: 'digit' | 'date' | 'time'; required?: boolean; errorOf?: string; quiet?: boolean } = {}) => {
    const { errorOf = name, required = true, quiet = false, ...rest } = extra
    return <Field id={`activity-${name}`} label={label} required={required} {...rest} value={form[name] as string} error={quiet ? null : errors[errorOf]} onChange={(v) => set({ [name]: v } as Partial<Form>, errorOf)} />
  }
  const toggle = (a: Audience) => set({ audience: form.audience.includes(a) ? form.audience.filter((x) => x !== a) : [...form.audience, a] }, 'audience')

  function publish() {
    const draft = toActivityDraft(form)
    const months = form.months.trim() === '' ? NaN : Number(form.months)
    const monthsError = checkRepeatMonths(months)
    submit(
      { ...validateActivityDraft(draft, Date.now()), ...(monthsError ? { months: monthsError } : {}) },
      async (idempotencyKey) => {
        if (months > 1) {
          await activityApi.publishActivitySeries(draft, months, { idempotencyKey })
          Taro.redirectTo({ url: ROUTES.activities })
        } else {
          const made = await activityApi.publishActivity(draft, { idempotencyKey })
          Taro.redirectTo({ url: ROUTES.activity(made.id) })
        }
      },
      '还没有发布，填写的内容都还在，请再点一次发布。',
    )
  }

  return (
    <PageRoot>
      {notice && (
        <View className="notice notice--warn" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <View className="card form">
        {text('theme', '活动主题')}
        <Choice label="活动类型" required options={ACTIVITY_KINDS} value={form.kind} error={errors.kind} onChange={(kind) => set({ kind }, 'kind')} />
        {text('unit', '组织单位')}
        {text('date', '活动日期', { type: 'date' })}
        <View className="row row--fields">
          {text('start', '开始时间', { type: 'time' })}
          {text('end', '结束时间', { type: 'time' })}
        </View>
        {text('place', '活动地点')}
        {text('capacity', '人数上限', { type: 'digit' })}
        {text('bring', '需携带', { multiline: true, required: false })}
        <View className={`field ${errors.audience ? 'field--error' : ''}`} role="group" ariaLabel="可参加的人">
          <Text className="field__label">可参加的人 *</Text>
          <View className="choice">
            {AUDIENCES.map((a) => (
              <Action key={a} className={`choice__item ${form.audience.includes(a) ? 'choice__item--on' : ''}`} pressed={form.audience.includes(a)} onClick={() => toggle(a)}>
                {AUDIENCE_LABEL[a]}
              </Action>
            ))}
          </View>
          {errors.audience && (
            <View className="field__error" role="alert">
              {errors.audience}
            </View>
          )}
        </View>
        <View className="row row--fields">
          {text('deadlineDate', '报名截止日期', { type: 'date', errorOf: 'deadline' })}
          {text('deadlineTime', '截止时间', { type: 'time', errorOf: 'deadline', quiet: true })}
        </View>
        <Field
          id="activity-months"
          label="连续发布几个月"
          type="digit"
          value={form.months}
          error={errors.months}
          hint={Number(form.months) > 1 && /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? `${describeMonthlyRule(form.date)}，共${form.months}次（如党员责任区集中奉献日）` : '填1只发布这一次'}
          onChange={(v) => set({ months: v }, 'months')}
        />
        <Action className="btn--primary btn--block" disabled={sending} onClick={publish}>
          {sending ? '正在发布…' : '发布活动'}
        </Action>
      </View>
    </PageRoot>
  )
}
