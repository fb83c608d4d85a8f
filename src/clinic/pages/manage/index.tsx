import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type ClinicDraft } from '../../../api'
import { clinicApi } from '../../../api/clinic'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { inChina, toChinaIso } from '../../../domain/chinaTime'
import { DEFAULT_CUTOFF_MINUTES, validateClinicDraft } from '../../../domain/clinic'
import { ROUTES } from '../../../platform/navigation'
import '../../clinic.scss'

/** The form as typed: numbers stay text until submitted, so nothing typed is lost. */
interface Form {
  title: string
  specialty: string
  doctors: string
  hospital: string
  place: string
  date: string
  cutoffHours: string
  notes: string
  slots: { id: string; start: string; end: string; capacity: string }[]
  opensAt: string
}

function blankForm(): Form {
  return {
    title: '',
    specialty: '',
    doctors: '',
    hospital: '',
    place: '',
    date: inChina(Date.now()).add(7, 'day').format('YYYY-MM-DD'),
    cutoffHours: String(DEFAULT_CUTOFF_MINUTES / 60),
    notes: '',
    slots: [{ id: 't1', start: '09:00', end: '09:30', capacity: '5' }],
    opensAt: toChinaIso(Date.now()),
  }
}

function toDraft(form: Form): ClinicDraft {
  return {
    title: form.title,
    specialty: form.specialty,
    doctors: form.doctors,
    hospital: form.hospital,
    place: form.place,
    date: form.date.trim(),
    notes: form.notes,
    opensAt: form.opensAt,
    cutoffMinutes: form.cutoffHours.trim() === '' ? NaN : Math.round(Number(form.cutoffHours) * 60),
    slots: form.slots.map((s) => ({ id: s.id, start: s.start.trim(), end: s.end.trim(), capacity: s.capacity.trim() === '' ? NaN : Number(s.capacity) })),
  }
}

/** Staff: create or edit a clinic and its slots. */
export default function ManageClinic() {
  const id = useRouter().params.id
  const [edited, setForm] = useState<Form | null>(null)
  const { errors, notice, sending, clearError, submit: send } = useFormSubmit()
  const loaded = useLoaded(async (): Promise<Form> => {
    if (!id) return blankForm()
    const s = await clinicApi.getClinic(id)
    return {
      ...s,
      cutoffHours: String(s.cutoffMinutes / 60),
      slots: s.slots.map((slot) => ({ id: slot.id, start: slot.start, end: slot.end, capacity: String(slot.capacity) })),
    }
  }, [id])

  // What staff typed, over what was loaded.
  const form = edited ?? loaded.value
  if (!form) return <LoadingPage error={loaded.error} onRetry={loaded.reload} />
  const set = (patch: Partial<Form>, field: string) => {
    setForm({ ...form, ...patch })
    clearError(field)
  }
  const setSlot = (i: number, patch: Partial<Form['slots'][number]>) =>
    set({ slots: form.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)) }, 'slots')
  const addSlot = () => {
    const last = form.slots[form.slots.length - 1]
    const ids = form.slots.map((s) => Number(s.id.replace(/\D/g, '')) || 0)
    set({ slots: [...form.slots, { id: `t${Math.max(0, ...ids) + 1}`, start: last?.end ?? '09:00', end: '', capacity: last?.capacity ?? '5' }] }, 'slots')
  }

  function save() {
    const draft = toDraft(form!)
    send(
      validateClinicDraft(draft, Date.now()),
      async (idempotencyKey) => {
        const saved = id ? await clinicApi.updateClinic(id, draft, { idempotencyKey }) : await clinicApi.createClinic(draft, { idempotencyKey })
        Taro.redirectTo({ url: ROUTES.clinicDetail(saved.id) })
      },
      '还没有保存，填写的内容都还在，请再点一次保存。',
    )
  }

  const field = (name: keyof Form, label: string, extra: { placeholder?: string; type?: 'digit' | 'date'; multiline?: boolean; required?: boolean } = {}) => (
    <Field
      id={`clinic-${name}`}
      label={label}
      required={extra.required ?? true}
      placeholder={extra.placeholder}
      type={extra.type}
      multiline={extra.multiline}
      value={form[name] as string}
      error={errors[name === 'cutoffHours' ? 'cutoffMinutes' : name]}
      onChange={(value) => set({ [name]: value } as Partial<Form>, name === 'cutoffHours' ? 'cutoffMinutes' : name)}
    />
  )

  return (
    <PageRoot>
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <View className="card form">
        {field('title', '义诊名称', { placeholder: '例如：心血管专家义诊' })}
        {field('specialty', '科室', { placeholder: '例如：心血管、眼科、中医、口腔' })}
        {field('doctors', '出诊医生')}
        {field('hospital', '医院')}
        {field('place', '地点')}
        {field('date', '日期', { type: 'date', placeholder: '请选择日期' })}
        <View className="field" role="group" ariaLabel="时段">
          <Text className="field__label">时段和名额 *</Text>
          {form.slots.map((slot, i) => (
            <View key={slot.id} className="slot-editor">
              <Field id={`slot-${i}-start`} label={`时段${i + 1} 开始`} type="time" value={slot.start} onChange={(start) => setSlot(i, { start })} />
              <Field id={`slot-${i}-end`} label="结束" type="time" value={slot.end} onChange={(end) => setSlot(i, { end })} />
              <Field id={`slot-${i}-capacity`} label="名额" type="digit" value={slot.capacity} onChange={(capacity) => setSlot(i, { capacity })} />
              {form.slots.length > 1 && (
                <Action className="btn--plain" label={`删除时段${i + 1}`} onClick={() => set({ slots: form.slots.filter((_, j) => j !== i) }, 'slots')}>
                  删除
                </Action>
              )}
            </View>
          ))}
          {errors.slots && (
            <View className="field__error" role="alert">
              {errors.slots}
            </View>
          )}
          <Action className="btn--plain" onClick={addSlot}>
            添加时段
          </Action>
        </View>
        {field('cutoffHours', '开诊前几小时停止预约', { type: 'digit' })}
        {field('notes', '注意事项（选填）', { multiline: true, required: false })}
        <Action className="btn--primary btn--block" disabled={sending} onClick={save}>
          {sending ? '正在保存…' : id ? '保存修改' : '发布义诊'}
        </Action>
      </View>
    </PageRoot>
  )
}
