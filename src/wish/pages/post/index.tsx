import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { api, toApiError, type ResidentRef, type User, type WishDraft } from '../../../api'
import { wishApi } from '../../../api/wish'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { PageRoot } from '../../../components/PageRoot'
import { ResidentPicker, blankResident, isHelper, residentErrors } from '../../../components/ResidentPicker'
import { useFormSubmit } from '../../../components/useFormSubmit'
import {
  BUILDING_RULE,
  DESCRIPTION_RULE,
  PREFERRED_TIME_RULE,
  ROOM_RULE,
  TITLE_RULE,
  UNIT_RULE,
  WISH_CATEGORIES,
  validateWishDraft,
} from '../../../domain/wish'
import { ensureSignedIn } from '../../../stores/session'
import { PhotoPicker } from '../../../components/PhotoPicker'
import { clearDraft, loadDraft, saveDraft, withPhotos, type SavedDraft } from '../../draft'
import '../../wish.scss'
import { ROUTES } from '../../../platform/navigation'
import { requestSubscribeInTap } from '../../../platform/subscribe'

export default function PostWish() {
  const [saved, setSaved] = useState<SavedDraft | null>(null)
  const [user, setUser] = useState<User | null>(null)
  const { errors, notice, setNotice, sending, clearError, submit: send } = useFormSubmit()

  useLoad(() => {
    ensureSignedIn().then(
      (signedIn) => {
        setUser(signedIn)
        const loaded = loadDraft(signedIn.phone)
        // Volunteers and staff post only for residents (代办).
        const forResident = isHelper(signedIn) ? (loaded.draft.forResident ?? blankResident(signedIn)) : undefined
        setSaved({ ...loaded, draft: { ...loaded.draft, forResident } })
      },
      (error) => setNotice(toApiError(error).message),
    )
  })

  if (!saved || !user) {
    return (
      <PageRoot>
        <View className="muted center" role="status">
          {notice ?? '正在准备…'}
        </View>
      </PageRoot>
    )
  }
  const { draft } = saved

  /** Every keystroke is kept on the phone, and clears that field's error. */
  function update(patch: Partial<SavedDraft['draft']>, field: string) {
    change((current) => ({ ...current, draft: { ...current.draft, ...patch } }), field)
  }
  /** From the draft as it is now: an upload that finishes later never undoes what was typed meanwhile. */
  function change(next: (current: SavedDraft) => SavedDraft, field: string) {
    setSaved((current) => {
      const changed = next(current!)
      saveDraft(changed)
      return changed
    })
    clearError(field)
  }
  /** The contact phone follows a resident entered for 代办. */
  const setResident = (forResident: ResidentRef | null, field: string) =>
    update({ forResident: forResident ?? undefined, phone: forResident?.phone ?? draft.phone }, field)
  const setAddress = (part: keyof WishDraft['address']) => (value: string) =>
    update({ address: { ...draft.address, [part]: value } }, `address.${part}`)

  // The key saved with the draft, not a fresh one: a retry after a restart is still the same post.
  const submit = () => {
    // Before any await, or WeChat refuses.
    requestSubscribeInTap('wish', (accepted) => api.recordSubscriptions(accepted))
    send(
      { ...validateWishDraft(draft), ...residentErrors(draft.forResident) },
      async () => {
        const wish = await wishApi.postWish(draft, { idempotencyKey: saved!.idempotencyKey })
        clearDraft()
        Taro.redirectTo({ url: `${ROUTES.wishDetail(wish.id)}&posted=1` })
      },
      '心愿还没有发出，填写的内容已保存，请稍后再点“提交心愿”。',
    )
  }

  return (
    <PageRoot>
      <View className="card">
        <Text className="card__title">{draft.forResident ? '为居民发布心愿' : '说出您的小心愿'}</Text>
        <Text className="muted-line">提交后由社区审核，通过后本网格的志愿者会来认领帮忙。</Text>
      </View>
      {draft.forResident && <ResidentPicker helper={user} value={draft.forResident} allowSelf={false} errors={errors} onChange={setResident} />}
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <View className="card form">
        <Choice
          label="心愿类别"
          required
          options={WISH_CATEGORIES}
          value={draft.category}
          error={errors.category}
          onChange={(category) => update({ category }, 'category')}
        />
        <Field id="wish-title" label="标题" required maxChars={TITLE_RULE.max} placeholder="例如：帮忙修水龙头" value={draft.title} error={errors.title} onChange={(title) => update({ title }, 'title')} />
        <Field
          id="wish-description"
          label="具体描述"
          required
          multiline
          maxChars={DESCRIPTION_RULE.max}
          placeholder="需要帮什么忙，有什么要注意的"
          value={draft.description}
          error={errors.description}
          onChange={(description) => update({ description }, 'description')}
        />
        <Field
          id="wish-time"
          label="希望的时间（选填）"
          maxChars={PREFERRED_TIME_RULE.max}
          placeholder="例如：周末上午"
          value={draft.preferredTime}
          error={errors.preferredTime}
          onChange={(preferredTime) => update({ preferredTime }, 'preferredTime')}
        />
        <Field id="wish-building" label="楼栋" required maxChars={BUILDING_RULE.max} placeholder="例如：友谊路9号3栋" value={draft.address.building} error={errors['address.building']} onChange={setAddress('building')} />
        <View className="row row--fields">
          <Field id="wish-unit" label="单元（选填）" maxChars={UNIT_RULE.max} value={draft.address.unit} error={errors['address.unit']} onChange={setAddress('unit')} />
          <Field id="wish-room" label="门牌号" required maxChars={ROOM_RULE.max} placeholder="例如：501" value={draft.address.room} error={errors['address.room']} onChange={setAddress('room')} />
        </View>
        <Field
          id="wish-phone"
          label="联系电话"
          required
          type="tel"
          hint={draft.forResident ? '可以填居民、家属或您的电话；只有认领的志愿者能看到完整号码' : '只有认领的志愿者能看到完整号码'}
          value={draft.phone}
          error={errors.phone}
          onChange={(phone) => update({ phone }, 'phone')}
        />
        <PhotoPicker
          photos={saved.photos}
          error={errors.photos}
          onAdd={(added) => change((current) => withPhotos(current, [...current.photos, ...added]), 'photos')}
          onRemove={(id) => change((current) => withPhotos(current, current.photos.filter((p) => p.id !== id)), 'photos')}
        />
        <Action className="btn--primary btn--block" disabled={sending} onClick={submit}>
          {sending ? '正在提交…' : '提交心愿'}
        </Action>
      </View>
    </PageRoot>
  )
}
