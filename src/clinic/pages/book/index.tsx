import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type BookingDraft, type ResidentRef } from '../../../api'
import { clinicApi } from '../../../api/clinic'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { PageRoot } from '../../../components/PageRoot'
import { ResidentPicker, isHelper, personFor, residentErrors, useResidentChoice } from '../../../components/ResidentPicker'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { ASSISTANCE, FOR_WHOM, NAME_RULE, SYMPTOMS_RULE, describeWhen, rememberedPatients, validateBookingDraft, type ForWhom, type SavedPatient } from '../../../domain/clinic'
import { ROUTES } from '../../../platform/navigation'
import { requestSubscribeInTap } from '../../../platform/subscribe'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { LoadingPage } from '../../../components/Loading'
import { useLoaded } from '../../../components/useLoaded'
import '../../clinic.scss'
import { Runs } from '../../../components/Runs'

/** One screen of typing at most: the profile fills 本人; errors stand beside their fields. */
export default function BookClinic() {
  const params = useRouter().params
  const clinicId = params.clinic ?? ''
  const slotId = params.slot ?? ''
  const user = useSession((s) => s.user)
  const { value: clinic, error: loadError, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return clinicApi.getClinic(clinicId)
  }, [clinicId])
  // 常用就诊人 and the account's own age, from its earlier bookings (nothing to retype).
  const { value: remembered } = useLoaded(async () => {
    await ensureSignedIn()
    return rememberedPatients(await api.listMyBookings())
  }, [])
  const [draft, setDraft] = useState<BookingDraft | null>(null)
  const { forResident, setForResident } = useResidentChoice(user)
  const { errors, notice, sending, clearError, submit: send } = useFormSubmit()

  if (!clinic || !user) {
    return <LoadingPage error={loadError} onRetry={reload} />
  }
  const slot = clinic.slots.find((s) => s.id === slotId)
  const full = slot ? slot.placesLeft === 0 : false
  const patient = personFor(forResident, user)
  const ownAge = !forResident && remembered?.ownAge != null ? String(remembered.ownAge) : ''
  const form: BookingDraft = draft ?? { forWhom: '本人', patientName: patient.name, phone: patient.phone, age: ownAge, symptoms: '', assistance: [] }
  const family = !forResident && form.forWhom === '家人代约' ? remembered?.family ?? [] : []

  /** The patient follows the resident chosen or entered for 代办, back to the helper for 本人. */
  function chooseResident(ref: ResidentRef | null, field: string) {
    setForResident(ref)
    const next = personFor(ref, user!)
    setDraft({ ...form, forWhom: '本人', patientName: next.name, phone: next.phone })
    for (const changed of [field, 'patientName', 'phone']) clearError(changed)
  }

  function update(patch: Partial<BookingDraft>, field: string) {
    setDraft({ ...form, ...patch })
    clearError(field)
  }

  function chooseWhom(forWhom: ForWhom) {
    // 本人 fills in the profile; 家人代约 keeps the phone (to reach the family) and asks for the name.
    update(forWhom === '本人' ? { forWhom, patientName: user!.name, phone: user!.phone, age: ownAge } : { forWhom, patientName: '', age: '' }, 'forWhom')
  }

  function pickSaved(saved: SavedPatient) {
    setDraft({ ...form, patientName: saved.name, phone: saved.phone, age: String(saved.age), assistance: saved.assistance })
    for (const changed of ['patientName', 'phone', 'age']) clearError(changed)
  }

  function submit() {
    if (sending) return
    // Before any await, or WeChat refuses; the same tap books or joins the waiting list (候补).
    requestSubscribeInTap('booking', (accepted) => api.recordSubscriptions(accepted))
    send(
      { ...validateBookingDraft(form), ...residentErrors(forResident) },
      async (idempotencyKey) => {
        const booking = await clinicApi.bookClinic(clinicId, slotId, { ...form, age: Number(form.age), forResident: forResident ?? undefined }, { idempotencyKey })
        Taro.redirectTo({ url: `${ROUTES.clinicTicket(booking.id)}&new=1` })
      },
      '预约还没有提交，填写的内容都还在，请再点一次“确认预约”。',
    )
  }

  return (
    <PageRoot className="page--large">
      <View className="card">
        <Text className="card__title">{clinic.title}</Text>
        {slot && (
          <Runs className="ticket__when" text={`${describeWhen(clinic.startsAt, Date.now()).split(' ')[0]} ${slot.start}–${slot.end}`} />
        )}
        <Text>{clinic.place}</Text>
        {full && (
          <View className="notice notice--warn" role="status">
            <Text>这个时段已约满。提交后进入候补，有人取消时会按顺序自动为您补上。</Text>
          </View>
        )}
      </View>
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      {isHelper(user) && <ResidentPicker helper={user} value={forResident} allowSelf={user.role !== 'staff'} errors={errors} onChange={chooseResident} />}
      <View className="card form">
        {!forResident && <Choice label="为谁预约" required options={FOR_WHOM} value={form.forWhom} error={errors.forWhom} onChange={chooseWhom} />}
        {family.length > 0 && (
          <View className="field" role="group" ariaLabel="常用就诊人">
            <Text className="field__label">常用就诊人</Text>
            <View className="choice">
              {family.map((p) => {
                const on = form.patientName === p.name && form.phone === p.phone
                return (
                  <Action key={`${p.name}-${p.phone}`} className={`choice__item ${on ? 'choice__item--on' : ''}`} pressed={on} onClick={() => pickSaved(p)}>
                    {p.name}（{p.age}岁）
                  </Action>
                )
              })}
            </View>
            <Text className="field__hint">点一下就填好，不用再输入</Text>
          </View>
        )}
        <Field id="book-name" label="就诊人姓名" required maxChars={NAME_RULE.max} value={form.patientName} error={errors.patientName} onChange={(patientName) => update({ patientName }, 'patientName')} />
        <Field id="book-phone" label="联系电话" required type="tel" hint={forResident ? '居民本人或家属的电话' : undefined} value={form.phone} error={errors.phone} onChange={(phone) => update({ phone }, 'phone')} />
        <Field id="book-age" label="年龄" required type="digit" value={String(form.age)} error={errors.age} onChange={(age) => update({ age }, 'age')} />
        <Field
          id="book-symptoms"
          label="症状（选填）"
          multiline
          maxChars={SYMPTOMS_RULE.max}
          placeholder="哪里不舒服，吃什么药"
          value={form.symptoms}
          error={errors.symptoms}
          onChange={(symptoms) => update({ symptoms }, 'symptoms')}
        />
        <View className="field" role="group" ariaLabel="需要的协助">
          <Text className="field__label">需要的协助（选填）</Text>
          <View className="choice">
            {ASSISTANCE.map((a) => {
              const on = form.assistance.includes(a)
              return (
                <Action
                  key={a}
                  className={`choice__item ${on ? 'choice__item--on' : ''}`}
                  pressed={on}
                  onClick={() => update({ assistance: on ? form.assistance.filter((x) => x !== a) : [...form.assistance, a] }, 'assistance')}
                >
                  {a}
                </Action>
              )
            })}
          </View>
        </View>
        {!clinic.bookingOpen && (
          <View className="notice notice--warn" role="status">
            <Text>这场义诊现在不能预约（未开放或已截止），填写的内容不会提交。</Text>
          </View>
        )}
        <Action className="btn--primary btn--block" disabled={sending || !clinic.bookingOpen} onClick={submit}>
          {sending ? '正在提交…' : full ? '确认候补' : '确认预约'}
        </Action>
      </View>
    </PageRoot>
  )
}
