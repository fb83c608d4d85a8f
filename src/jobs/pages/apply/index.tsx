import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type ApplicationDraft, type ResidentRef } from '../../../api'
import { jobsApi } from '../../../api/jobs'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { ResidentPicker, isHelper, personFor, residentErrors, useResidentChoice } from '../../../components/ResidentPicker'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { APPLICANT_NAME_RULE, APPLICATION_NOTE_RULE, validateApplicationDraft } from '../../../domain/jobs'
import { ROUTES } from '../../../platform/navigation'
import { requestSubscribeInTap } from '../../../platform/subscribe'
import { ensureSignedIn } from '../../../stores/session'
import '../../jobs.scss'

/** Name and phone from the profile, a short note: errors beside fields, nothing lost. */
export default function ApplyJob() {
  const id = useRouter().params.id ?? ''
  const { value, error: loadError, reload } = useLoaded(async () => {
    const [user, posting] = await Promise.all([ensureSignedIn(), jobsApi.getJob(id)])
    return { user, posting }
  }, [id])
  const [form, setForm] = useState<ApplicationDraft | null>(null)
  const { forResident, setForResident } = useResidentChoice(value?.user ?? null)
  const { errors, notice, sending, clearError, submit: send } = useFormSubmit()

  if (!value) {
    return <LoadingPage error={loadError} onRetry={reload} />
  }
  const { user } = value
  const draft = form ?? { ...personFor(forResident, user), note: '' }
  const update = (patch: Partial<ApplicationDraft>, field: string) => {
    setForm({ ...draft, ...patch })
    clearError(field)
  }
  /** The applicant follows the resident chosen or entered for 代办, back to the helper for themselves. */
  const chooseResident = (ref: ResidentRef | null, field: string) => {
    setForResident(ref)
    update(personFor(ref, user), field)
    for (const changed of ['name', 'phone']) clearError(changed)
  }

  const submit = () => {
    // Before any await, or WeChat refuses.
    requestSubscribeInTap('application', (accepted) => api.recordSubscriptions(accepted))
    send(
      { ...validateApplicationDraft(draft), ...residentErrors(forResident) },
      async (idempotencyKey) => {
        await jobsApi.applyForJob(id, { ...draft, forResident: forResident ?? undefined }, { idempotencyKey })
        // A helper's 代办 application is the resident's: it is not in the helper's list.
        if (forResident) Taro.redirectTo({ url: `${ROUTES.job(id)}&applied=1` })
        else Taro.redirectTo({ url: `${ROUTES.myApplications}?applied=1` })
      },
      '报名还没有提交，填写的内容都还在，请再点一次“提交报名”。',
    )
  }

  return (
    <PageRoot>
      <View className="card">
        <Text className="card__title">{value.posting.title}</Text>
        <Text className="job__meta">{value.posting.employer}</Text>
      </View>
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      {isHelper(user) && <ResidentPicker helper={user} value={forResident} allowSelf={user.role !== 'staff'} errors={errors} onChange={chooseResident} />}
      <View className="card form">
        <Field id="apply-name" label="姓名" required maxChars={APPLICANT_NAME_RULE.max} value={draft.name} error={errors.name} onChange={(name) => update({ name }, 'name')} />
        <Field id="apply-phone" label="手机号" required type="tel" value={draft.phone} error={errors.phone} onChange={(phone) => update({ phone }, 'phone')} />
        <Field
          id="apply-note"
          label="想说的话（选填）"
          multiline
          maxChars={APPLICATION_NOTE_RULE.max}
          placeholder="例如：以前做过什么，哪些时间方便"
          value={draft.note}
          error={errors.note}
          onChange={(note) => update({ note }, 'note')}
        />
        <Action className="btn--primary btn--block" disabled={sending} onClick={submit}>
          {sending ? '正在提交…' : '提交报名'}
        </Action>
      </View>
    </PageRoot>
  )
}
