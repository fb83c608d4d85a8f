import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError, type AccountSummary, type AuditEntry } from '../../../api'
import { staffApi } from '../../../api/staff'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { ListError, ListFooter } from '../../../components/ListParts'
import { PageRoot } from '../../../components/PageRoot'
import { usePagedList } from '../../../components/usePagedList'
import { auditSpanError, type AuditFilter } from '../../../domain/audit'
import { describeChinaMoment } from '../../../domain/chinaClock'
import { ROLE_LABEL } from '../../../domain/roles'
import { ensureSignedIn } from '../../../stores/session'
import '../../staff.scss'

const NO_FILTER: AuditFilter = { accountId: null, from: null, to: null }

/** Staff: the trail of who wrote what and who read residents' details, by resident and by day. */
export default function AuditTrail() {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER)
  const [residentName, setResidentName] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [spanError, setSpanError] = useState<string | null>(null)
  const list = usePagedList(async (cursor) => {
    await ensureSignedIn()
    return staffApi.listAudit({ ...filter, cursor })
  }, [filter])

  function applyDays() {
    const problem = auditSpanError(from, to)
    setSpanError(problem)
    if (!problem) setFilter({ ...filter, from: from || null, to: to || null })
  }

  function chooseResident(account: AccountSummary | null) {
    setResidentName(account?.name ?? null)
    setFilter({ ...filter, accountId: account?.id ?? null })
  }

  return (
    <PageRoot>
      <View className="card form" role="region" ariaLabel="筛选">
        <ResidentFilter chosen={residentName} onChoose={chooseResident} />
        <View className="audit-days">
          <Field id="audit-from" label="从" type="date" value={from} onChange={setFrom} />
          <Field id="audit-to" label="到" type="date" value={to} error={spanError} onChange={setTo} />
        </View>
        <Action className="btn--primary btn--block" onClick={applyDays}>
          按日期筛选
        </Action>
        <Text className="muted-line">记录只增不改，至少保存6个月。</Text>
      </View>
      <ListError list={list} />
      {list.items.map((entry) => (
        <AuditLine key={entry.id} entry={entry} />
      ))}
      <ListFooter list={list} empty="没有符合条件的记录" />
    </PageRoot>
  )
}

/** One entry: when, who (and for whom), what, which record. */
function AuditLine({ entry }: { entry: AuditEntry }) {
  const whose = entry.resident && entry.resident.id !== entry.actor.id ? `居民：${entry.resident.name}${entry.onBehalf ? '（代办）' : ''}` : null
  return (
    <View className={`card audit-line audit-line--${entry.kind}`}>
      <View className="audit-line__head">
        <Text className="card__title">{entry.label}</Text>
        <Text className="badge">{entry.kind === 'read' ? '查看' : '办理'}</Text>
      </View>
      <Text>
        {entry.actor.name}（{ROLE_LABEL[entry.actor.role]}）
      </Text>
      {whose && <Text>{whose}</Text>}
      <Text className="muted-line">
        {describeChinaMoment(entry.at)}
        {entry.recordId ? ` · 记录 ${entry.recordId}` : ''}
      </Text>
    </View>
  )
}

/** Narrow the trail to one account: found by name or the phone's last four digits. */
function ResidentFilter({ chosen, onChoose }: { chosen: string | null; onChoose: (account: AccountSummary | null) => void }) {
  const [typed, setTyped] = useState('')
  const [found, setFound] = useState<AccountSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function search() {
    setError(null)
    try {
      const accounts = await staffApi.listAccounts(typed.trim())
      setFound(accounts)
      if (accounts.length === 0) setError('没有找到账号，请换个姓名或手机号后四位试试')
    } catch (failure) {
      setError(toApiError(failure).message)
    }
  }

  if (chosen) {
    return (
      <View className="audit-chosen">
        <Text>只看：{chosen}</Text>
        <Action className="btn--plain" onClick={() => onChoose(null)}>
          看全部
        </Action>
      </View>
    )
  }
  return (
    <>
      <Field id="audit-who" label="居民或工作人员" placeholder="姓名或手机号后四位" value={typed} error={error} onChange={setTyped} />
      <Action className="btn--plain btn--block" onClick={search}>
        查找
      </Action>
      {found && found.length > 0 && (
        <View className="account-list" role="group" ariaLabel="选择账号">
          {found.map((a) => (
            <Action key={a.id} className="btn--plain btn--block account-list__item" onClick={() => (onChoose(a), setFound(null))}>
              <Text className="account-list__name">
                {a.name} {a.phone}
              </Text>
            </Action>
          ))}
        </View>
      )}
    </>
  )
}
