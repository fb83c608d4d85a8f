import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError, type PostingDraft, type SuitedTag } from '../../../api'
import { jobsApi } from '../../../api/jobs'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { inChina } from '../../../domain/chinaTime'
import { JOB_KINDS, SUITED_TAGS, validatePostingDraft } from '../../../domain/jobs'
import { ROUTES } from '../../../platform/navigation'
import '../../jobs.scss'
import { useWriteKey } from '../../../components/useWriteKey'

/** The form as typed: pay stays text until submitted, so nothing typed is lost. */
type Form = Omit<PostingDraft, 'payMin' | 'payMax'> & { payMin: string; payMax: string }

const blank = (): Form => ({
  title: '',
  employer: '',
  kind: '全职',
  payMin: '',
  payMax: '',
  place: '',
  hours: '',
  requirements: '',
  tags: ['不限'],
  contactName: '',
  contactPhone: '',
  expiresOn: inChina(Date.now()).add(30, 'day').format('YYYY-MM-DD'),
})

const toDraft = (f: Form): PostingDraft => ({
  ...f,
  payMin: f.payMin.trim() === '' ? NaN : Number(f.payMin),
  payMax: f.payMax.trim() === '' ? NaN : Number(f.payMax),
})

/** Staff: publish or edit a posting, or stop recruiting. */
export default function ManageJob() {
  const writeKey = useWriteKey()
  const id = useRouter().params.id
  const [edited, setForm] = useState<Form | null>(null)
  const [closed, setClosed] = useState(false)
  const { errors, notice, setNotice, sending, clearError, submit: send } = useFormSubmit()
  const loaded = useLoaded(async () => {
    if (!id) return { form: blank(), open: true }
    const p = await jobsApi.getJob(id)
    return { form: { ...p, payMin: String(p.payMin), payMax: String(p.payMax) }, open: p.status === 'open' }
  }, [id])

  // What staff typed, over what was loaded.
  const form = edited ?? loaded.value?.form
  if (!form) return <LoadingPage error={loaded.error} onRetry={loaded.reload} />
  const open = !closed && loaded.value!.open
  const set = (patch: Partial<Form>, field: string) => {
    setForm({ ...form, ...patch })
    clearError(field)
  }
  const text = (name: keyof Form, label: string, extra: { multiline?: boolean; type?: 'digit' | 'tel' | 'date'; placeholder?: string } = {}) => (
    <Field id={`job-${name}`} label={label} required {...extra} value={form[name] as string} error={errors[name]} onChange={(v) => set({ [name]: v } as Partial<Form>, name)} />
  )

  function save() {
    const draft = toDraft(form!)
    send(
      validatePostingDraft(draft, Date.now()),
      async (idempotencyKey) => {
        const saved = id ? await jobsApi.updateJob(id, draft, { idempotencyKey }) : await jobsApi.createJob(draft, { idempotencyKey })
        Taro.redirectTo({ url: ROUTES.job(saved.id) })
      },
      '还没有保存，填写的内容都还在，请再点一次保存。',
    )
  }

  async function close() {
    try {
      await jobsApi.closeJob(id!, { idempotencyKey: writeKey.keyFor('close') })
      writeKey.succeeded('close')
      setClosed(true)
      setNotice('已停止招聘，岗位不再显示在列表中')
    } catch (failure) {
      setNotice(toApiError(failure).message)
    }
  }

  const toggleTag = (tag: SuitedTag) => set({ tags: form.tags.includes(tag) ? form.tags.filter((t) => t !== tag) : [...form.tags, tag] }, 'tags')

  return (
    <PageRoot>
      {notice && (
        <View className="notice notice--warn" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <View className="card form">
        {text('title', '岗位名称')}
        {text('employer', '用工单位')}
        <Choice label="工作类型" required options={JOB_KINDS} value={form.kind} error={errors.kind} onChange={(kind) => set({ kind }, 'kind')} />
        <View className="row row--fields">
          {text('payMin', '最低月薪（元）', { type: 'digit' })}
          {text('payMax', '最高月薪（元）', { type: 'digit' })}
        </View>
        {text('place', '工作地点')}
        {text('hours', '工作时间')}
        {text('requirements', '岗位要求', { multiline: true })}
        <View className="field" role="group" ariaLabel="适合人群">
          <Text className="field__label">适合人群 *</Text>
          <View className="choice">
            {SUITED_TAGS.map((tag) => (
              <Action key={tag} className={`choice__item ${form.tags.includes(tag) ? 'choice__item--on' : ''}`} pressed={form.tags.includes(tag)} onClick={() => toggleTag(tag)}>
                {tag}
              </Action>
            ))}
          </View>
          {errors.tags && (
            <View className="field__error" role="alert">
              {errors.tags}
            </View>
          )}
        </View>
        {text('contactName', '联系人')}
        {text('contactPhone', '联系电话', { type: 'tel' })}
        {text('expiresOn', '报名截止日期', { type: 'date', placeholder: '请选择日期' })}
        <Action className="btn--primary btn--block" disabled={sending} onClick={save}>
          {sending ? '正在保存…' : id ? '保存修改' : '发布岗位'}
        </Action>
        {id && open && (
          <Action className="btn--plain btn--block" onClick={close}>
            停止招聘
          </Action>
        )}
      </View>
    </PageRoot>
  )
}
