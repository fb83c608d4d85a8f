import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type MatterView, type PhotoRef } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Facts } from '../../../components/Facts'
import { Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PhotoPicker } from '../../../components/PhotoPicker'
import { Picture } from '../../../components/Picture'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { describeChinaMoment } from '../../../domain/chinaClock'
import {
  MATTER_ACTION_LABEL,
  MATTER_REASON_RULE,
  MATTER_REPLY_RULE,
  allowedMatterActions,
  joinRefusal,
  validateMatterActionInput,
  type MatterAction,
  type MatterEvent,
} from '../../../domain/matters'
import { describeActedBy } from '../../../domain/onBehalf'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import { MatterBadges, whereOf } from '../../components/MatterCard'
import { whenOf } from '../../components/MeetingParts'
import '../../matters.scss'

const EVENT_LABEL: Record<MatterEvent['action'], string> = { ...MATTER_ACTION_LABEL, raise: '提出事项', note: '办理进展', answer: '答复', merge: '合并办理' }

/** One matter with its timeline, and what the viewer may do next: handle it, confirm or reopen it, or say 我也遇到. */
export default function MatterDetail() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const { value, error, reload, setValue } = useLoaded(async () => {
    const user = await ensureSignedIn()
    return { user, matter: await mattersApi.getMatter(id) }
  }, [id])
  // Grid workers and staff: the grid's other matters this one may be merged into, loaded when asked.
  const [others, setOthers] = useState<MatterView[] | null>(null)
  const [othersFailed, setOthersFailed] = useState(false)
  const [text, setText] = useState('')
  const [replyPhoto, setReplyPhoto] = useState<PhotoRef[]>([])
  const [flash, setFlash] = useState<string | null>(router.params.raised ? '已提交，网格员会在下一个工作日内受理' : null)
  const { errors, notice, sending, clearError, submit } = useFormSubmit()

  if (!value) return <LoadingPage error={error} onRetry={reload} />
  const { user, matter } = value
  const actor = { id: user.id, name: user.name, role: user.role, gridCode: user.gridCode }
  const actions = allowedMatterActions(matter, actor)
  // The domain's own rule for 我也遇到, so the button shows exactly when the server would take it.
  const mayJoin = !matter.affectedByMe && joinRefusal(matter, actor) === null

  const run = (action: MatterAction | 'affected', done: string) =>
    submit(
      action === 'affected' ? {} : validateMatterActionInput(action, { text, photo: action === 'answer' ? replyPhoto[0]?.id : undefined }),
      async (idempotencyKey) => {
        const options = { idempotencyKey }
        const calls: Record<MatterAction | 'affected', () => Promise<MatterView>> = {
          accept: () => mattersApi.acceptMatter(id, options),
          note: () => mattersApi.noteMatter(id, text, options),
          answer: () => mattersApi.answerMatter(id, replyPhoto.length ? { text, photo: replyPhoto[0].id } : text, options),
          confirm: () => mattersApi.confirmMatter(id, options),
          reopen: () => mattersApi.reopenMatter(id, text, options),
          affected: () => mattersApi.addMeToMatter(id, options),
        }
        const next = await calls[action]()
        setValue({ user, matter: next })
        setText('')
        setReplyPhoto([])
        setFlash(done)
      },
      '还没有提交成功，写的内容都还在，请再点一次。',
    )
  const typing = (typed: string) => {
    setText(typed)
    clearError('text')
  }
  const handles = actions.includes('note') || actions.includes('answer')
  const mayMerge = (user.role === 'staff' || (user.role === 'volunteer' && user.gridCode === matter.gridCode)) && matter.status !== 'merged' && matter.status !== 'confirmed'
  const findOthers = async () => {
    setOthersFailed(false)
    try {
      const page = await mattersApi.listMattersToHandle({ limit: 50 })
      setOthers(page.items.filter((m) => m.id !== matter.id && m.gridCode === matter.gridCode && m.status !== 'merged'))
    } catch {
      setOthersFailed(true)
    }
  }
  const merge = (into: MatterView) =>
    submit(
      {},
      async (idempotencyKey) => {
        setValue({ user, matter: await mattersApi.mergeMatter(id, into.id, { idempotencyKey }) })
        setOthers(null)
        setFlash('已合并，之后在保留的事项里办理')
      },
      '还没有合并，请再点一次。',
    )

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
        <View className="card__title" role="heading" aria-level={1}>
          {matter.kind}
        </View>
        <MatterBadges matter={matter} />
        <Text>{matter.text}</Text>
        <Facts className="matter-item__meta" items={[whereOf(matter), `${describeChinaMoment(matter.raisedAt)}提出`, matter.ownerName]} />
        {matter.actedBy && <Text className="muted-line">{describeActedBy(matter.actedBy)}</Text>}
        {matter.handler && <Text>受理网格员：{matter.handler.name}</Text>}
        {matter.photos && matter.photos.length > 0 && (
          <View className="photos">
            {matter.photos.map((photo, i) => (
              <Picture key={i} className="photos__img" src={photo} crop alt={`事项照片${i + 1}`} />
            ))}
          </View>
        )}
        {matter.reply && <Text>答复：{matter.reply}</Text>}
        {matter.replyPhoto && <Picture className="photos__img" src={matter.replyPhoto} crop alt="答复的照片" />}
        {matter.reopenReason && <Text>重新提出的原因：{matter.reopenReason}</Text>}
        {matter.affected > 0 && <Text>{matter.affected}位邻居也遇到这件事</Text>}
        {matter.mergedInto && (
          <View className="notice" role="status">
            <Text>这件事和邻居反映的同一件事合并办理了，进展请看合并后的事项。</Text>
            <Action className="btn--plain" onClick={() => open(ROUTES.matter(matter.mergedInto!))}>
              查看合并后的事项
            </Action>
          </View>
        )}
        {!matter.public && <Text className="muted-line">这件事不公开，邻居看不到{matter.namedPerson ? '（内容提到了他人）' : ''}</Text>}
        {matter.kind === '邻里纠纷' && matter.ownerId === user.id && matter.status !== 'confirmed' && (
          <Action className="btn--plain" onClick={() => open(ROUTES.mediation(matter.id))}>
            预约法官工作站调解
          </Action>
        )}
      </View>

      {(actions.length > 0 || mayJoin) && (
        <View className="card form">
          {handles && (
            <Field id="matter-reply" label="写给居民的话" multiline maxChars={MATTER_REPLY_RULE.max} placeholder="办理进展，或最后的答复" value={text} error={errors.text} onChange={typing} />
          )}
          {actions.includes('answer') && (
            <PhotoPicker
              photos={replyPhoto}
              max={1}
              label="答复的照片（选填，1张）"
              error={errors.photo}
              onAdd={(added) => (setReplyPhoto(added.slice(0, 1)), clearError('photo'))}
              onRemove={() => (setReplyPhoto([]), clearError('photo'))}
            />
          )}
          {actions.includes('reopen') && (
            <Field id="matter-reason" label="还没解决？写下原因（只能重新提出一次）" multiline maxChars={MATTER_REASON_RULE.max} value={text} error={errors.text} onChange={typing} />
          )}
          <View className="row">
            {actions.includes('accept') && (
              <Action className="btn--primary" disabled={sending} onClick={() => run('accept', '已受理，居民会看到您的名字')}>
                受理
              </Action>
            )}
            {actions.includes('note') && (
              <Action className="btn--plain" disabled={sending} onClick={() => run('note', '进展已记录，居民可以看到')}>
                记录进展
              </Action>
            )}
            {actions.includes('answer') && (
              <Action className="btn--primary" disabled={sending} onClick={() => run('answer', '已答复居民')}>
                答复居民
              </Action>
            )}
            {actions.includes('confirm') && (
              <Action className="btn--primary" disabled={sending} onClick={() => run('confirm', '谢谢您的确认')}>
                确认已解决
              </Action>
            )}
            {actions.includes('reopen') && (
              <Action className="btn--plain" disabled={sending} onClick={() => run('reopen', '已重新提出，网格员会继续办理')}>
                重新提出
              </Action>
            )}
            {mayJoin && (
              <Action className="btn--primary" disabled={sending} onClick={() => run('affected', '已记下，网格会知道又多一位邻居遇到')}>
                我也遇到
              </Action>
            )}
          </View>
        </View>
      )}

      {mayMerge && (
        <View className="card" role="region" ariaLabel="合并重复事项">
          <Text className="card__title">合并重复事项</Text>
          <Text className="muted-line">同一件事有人重复反映时，把这件合并到要保留的那件：居民和“我也遇到”都会算到那件上。</Text>
          {othersFailed && (
            <View className="field__error" role="alert">
              同类事项没有加载出来，请检查网络后再点一次
            </View>
          )}
          {!others && (
            <Action className="btn--plain" onClick={findOthers}>
              找本网格的同类事项
            </Action>
          )}
          {others && others.length === 0 && <Text className="muted-line">本网格没有可以合并的事项</Text>}
          {others?.map((m) => (
            <View key={m.id} className="matter-item">
              <Text>
                {m.kind}：{m.text}
              </Text>
              <Action className="btn--plain" disabled={sending} label={`合并到：${m.text}`} onClick={() => merge(m)}>
                合并到这件
              </Action>
            </View>
          ))}
        </View>
      )}

      {matter.meetings && matter.meetings.length > 0 && (
        <View className="card" role="region" ariaLabel="网格议事会">
          <Text className="card__title">网格议事会</Text>
          {matter.meetings.map((m) => (
            <View key={m.id} className="matter-item">
              <Text>
                {whenOf(m)} · {m.place}
              </Text>
              <Text>{m.decision && m.status === 'published' ? `决议：${m.decision}` : m.status === 'published' ? '已议定' : '已列入议程，待议定'}</Text>
              <Action className="btn--plain" label={`查看议事会：${whenOf(m)}`} onClick={() => open(ROUTES.meeting(m.id))}>
                查看议事会
              </Action>
            </View>
          ))}
        </View>
      )}

      <View className="card" role="region" ariaLabel="进度">
        <Text className="card__title">进度</Text>
        <View className="timeline">
          {matter.events.map((event, i) => (
            <View key={i} className="timeline__item">
              <Text className="timeline__when">{describeChinaMoment(event.at)}</Text>
              <Text>
                {event.byName} {EVENT_LABEL[event.action]}
                {event.text ? `：${event.text}` : ''}
              </Text>
            </View>
          ))}
        </View>
        {matter.overdue === null && (matter.status === 'submitted' || matter.status === 'accepted' || matter.status === 'in_progress') && (
          <Text className="muted-line">最迟{describeChinaMoment(matter.answerBy)}前答复</Text>
        )}
      </View>
    </PageRoot>
  )
}
