import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { type MatterDraft, type PhotoRef, type ResidentRef } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PhotoPicker } from '../../../components/PhotoPicker'
import { PageRoot } from '../../../components/PageRoot'
import { ResidentPicker, blankResident, isHelper, residentErrors } from '../../../components/ResidentPicker'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { MATTER_BUILDING_RULE, MATTER_KINDS, MATTER_TEXT_RULE, MATTER_UNIT_RULE, PRIVATE_KINDS, validateMatterDraft } from '../../../domain/matters'
import { namedHint } from '../../../domain/names'
import { ROUTES } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import '../../matters.scss'

const PUBLIC = '让邻居看到（不显示姓名）'
const PRIVATE = '只给网格员看'
const EMPTY: MatterDraft = { kind: '设施损坏', text: '', building: '', unit: '', public: false }

/** 我要说事: kind, what, where, and whether neighbours may see it; errors beside fields, nothing typed is lost. */
export default function RaiseMatter() {
  const { value: user, error: loadError, reload } = useLoaded(() => ensureSignedIn(), [])
  const [draft, setDraft] = useState<MatterDraft>(EMPTY)
  // Each photo is uploaded when picked; the matter carries their ids.
  const [photos, setPhotos] = useState<PhotoRef[]>([])
  // Volunteers and staff raise matters only for residents (代办), after a home visit.
  const [chosen, setChosen] = useState<ResidentRef | null | undefined>(undefined)
  const { errors, notice, sending, clearError, submit: send } = useFormSubmit()

  if (!user) return <LoadingPage error={loadError} onRetry={reload} />
  const forResident = chosen !== undefined ? chosen : isHelper(user) ? blankResident(user) : null

  const update = (patch: Partial<MatterDraft>, field: string) => {
    setDraft((current) => ({ ...current, ...patch }))
    clearError(field)
  }
  const chooseKind = (kind: MatterDraft['kind']) => {
    // A dispute is never public: the switch follows, and says why.
    update(PRIVATE_KINDS.includes(kind) ? { kind, public: false } : { kind }, 'kind')
    clearError('public')
  }

  const submit = () =>
    send(
      { ...validateMatterDraft({ ...draft, photos: photos.map((p) => p.id) }), ...residentErrors(forResident) },
      async (idempotencyKey) => {
        const matter = await mattersApi.raiseMatter({ ...draft, photos: photos.map((p) => p.id), forResident: forResident ?? undefined }, { idempotencyKey })
        Taro.redirectTo({ url: `${ROUTES.matter(matter.id)}&raised=1` })
      },
      '事项还没有提交，填写的内容都还在，请再点一次“提交”。',
    )

  const disputes = PRIVATE_KINDS.includes(draft.kind)
  // Beside the 公开 switch: a text that names someone is kept private by the server too.
  const named = namedHint(draft.text)
  return (
    <PageRoot>
      <View className="card">
        <Text className="card__title">{forResident ? '为居民说事' : '有事先商量'}</Text>
        <Text className="muted-line">说说您身边需要解决的事，本网格的网格员会受理并答复您。</Text>
      </View>
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      {isHelper(user) && <ResidentPicker helper={user} value={forResident} allowSelf={false} errors={errors} onChange={(ref, field) => (setChosen(ref), clearError(field))} />}
      <View className="card form">
        <Choice label="事项类别" required options={MATTER_KINDS} value={draft.kind} error={errors.kind} onChange={chooseKind} />
        <Field
          id="matter-text"
          label="什么事"
          required
          multiline
          maxChars={MATTER_TEXT_RULE.max}
          placeholder="例如：3栋门口的长椅坏了，老人没处坐"
          hint="请不要写他人的姓名和电话"
          value={draft.text}
          error={errors.text}
          onChange={(text) => update({ text }, 'text')}
        />
        <Field id="matter-building" label="在哪栋楼" required maxChars={MATTER_BUILDING_RULE.max} placeholder="例如：友谊路9号3栋" value={draft.building} error={errors.building} onChange={(building) => update({ building }, 'building')} />
        <Field id="matter-unit" label="单元（选填）" maxChars={MATTER_UNIT_RULE.max} placeholder="例如：2单元" value={draft.unit} error={errors.unit} onChange={(unit) => update({ unit }, 'unit')} />
        <PhotoPicker
          photos={photos}
          error={errors.photos}
          onAdd={(added) => (setPhotos((current) => [...current, ...added]), clearError('photos'))}
          onRemove={(id) => (setPhotos((current) => current.filter((p) => p.id !== id)), clearError('photos'))}
        />
        <Choice
          label="邻居能否看到"
          required
          options={disputes ? [PRIVATE] : [PUBLIC, PRIVATE]}
          value={draft.public ? PUBLIC : PRIVATE}
          error={errors.public}
          onChange={(choice) => update({ public: choice === PUBLIC }, 'public')}
        />
        {disputes && <Text className="muted-line">邻里纠纷涉及他人，只有网格员和工作人员能看到。</Text>}
        {!disputes && named && (
          <View className="muted-line" role="status">
            {named}
          </View>
        )}
        <Action className="btn--primary btn--block" disabled={sending} onClick={submit}>
          {sending ? '正在提交…' : '提交'}
        </Action>
      </View>
    </PageRoot>
  )
}
