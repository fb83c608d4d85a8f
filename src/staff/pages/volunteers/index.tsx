import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api, type AccountSummary, type ApiError, type GridSummary } from '../../../api'
import { staffApi } from '../../../api/staff'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { Loading, LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { ACCOUNT_ROLES, ROLE_LABEL, describeRoleChange, validateRoleDraft, type AccountRole, type RoleDraft } from '../../../domain/roles'
import { ensureSignedIn, useSession } from '../../../stores/session'
import '../../staff.scss'

/** Residents and elders may be left without a grid; volunteers may not, staff have none. */
const NO_GRID = '不指定网格'
const ROLE_NAMES = ACCOUNT_ROLES.map((r) => ROLE_LABEL[r])

type GridName = (code: string) => string

const placeOf = (role: AccountRole, gridCode: string | null, gridName: GridName) =>
  `${ROLE_LABEL[role]}${gridCode ? ` · ${gridName(gridCode)}` : ''}`

/** Staff: find an account, grant or revoke 网格志愿者 (and its grid) or staff rights, and read what changed. */
export default function Volunteers() {
  const me = useSession((s) => s.user)
  const places = useLoaded(() => api.listCommunities(), [])
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const accounts = useLoaded(async () => {
    await ensureSignedIn()
    return staffApi.listAccounts(query)
  }, [query])
  const [chosen, setChosen] = useState<AccountSummary | null>(null)
  // Counts saves: a new editor (and Idempotency-Key) after each, and fresh history.
  const [saves, setSaves] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)

  if (!places.value) return <LoadingPage error={places.error} onRetry={places.reload} />
  const grids = places.value.flatMap((c) => c.grids)
  const gridName: GridName = (code) => grids.find((g) => g.code === code)?.name ?? code

  function search() {
    const q = typed.trim()
    if (q === query) accounts.reload()
    else setQuery(q)
    setChosen(null)
    setSaved(null)
  }

  function choose(account: AccountSummary | null) {
    setChosen(account)
    setSaved(null)
  }

  function onSaved(account: AccountSummary) {
    setChosen(account)
    accounts.setValue((list) => list?.map((a) => (a.id === account.id ? account : a)) ?? null)
    setSaves((n) => n + 1)
    setSaved(`已保存：${account.name} 现在是${placeOf(account.role, account.gridCode, gridName)}。下面的变更记录已更新。`)
  }

  return (
    <PageRoot>
      <View className="account-search">
        <Field
          id="accounts-q"
          label="查找账号"
          placeholder="姓名或手机号后四位"
          value={typed}
          error={accounts.error?.fields.q}
          onChange={setTyped}
        />
        <Action className="btn--primary" onClick={search}>
          查找
        </Action>
      </View>
      {chosen ? (
        <>
          {saved && (
            <View className="notice" role="status">
              <Text>{saved}</Text>
            </View>
          )}
          <View className="card form" role="region" ariaLabel={`调整 ${chosen.name} 的角色`}>
            <Text className="card__title">
              {chosen.name} {chosen.phone}
            </Text>
            <Text className="muted-line">现在是：{placeOf(chosen.role, chosen.gridCode, gridName)}</Text>
            {chosen.id === me?.id ? (
              <Text className="muted-line">不能调整自己的角色，请另一位工作人员操作。</Text>
            ) : (
              <RoleEditor key={`${chosen.id}-${saves}`} account={chosen} grids={grids} onSaved={onSaved} onEdit={() => setSaved(null)} />
            )}
          </View>
          <RoleHistory key={chosen.id} accountId={chosen.id} version={saves} gridName={gridName} />
          <Action className="btn--plain btn--block" onClick={() => choose(null)}>
            返回账号列表
          </Action>
        </>
      ) : (
        <AccountList accounts={accounts.value} error={accounts.error && !accounts.error.fields.q ? accounts.error : null} onRetry={accounts.reload} gridName={gridName} onChoose={choose} />
      )}
    </PageRoot>
  )
}

interface ListProps {
  accounts: AccountSummary[] | null
  error: ApiError | null
  onRetry: () => void
  gridName: GridName
  onChoose: (account: AccountSummary) => void
}

function AccountList({ accounts, error, onRetry, gridName, onChoose }: ListProps) {
  if (!accounts || error) return <Loading error={error} onRetry={onRetry} />
  if (accounts.length === 0) return <Text className="muted center">没有找到账号，请换个姓名或手机号后四位试试</Text>
  return (
    <View className="account-list" role="group" ariaLabel="账号">
      {accounts.map((a) => (
        <Action key={a.id} className="btn--plain btn--block account-list__item" onClick={() => onChoose(a)}>
          <Text className="account-list__name">
            {a.name} {a.phone}
          </Text>
          <Text className="account-list__role">{placeOf(a.role, a.gridCode, gridName)}</Text>
        </Action>
      ))}
    </View>
  )
}

interface EditorProps {
  account: AccountSummary
  grids: GridSummary[]
  onSaved: (account: AccountSummary) => void
  onEdit: () => void
}

/** The role and grid as chosen: kept here through failed saves, so nothing chosen is lost. */
function RoleEditor({ account, grids, onSaved, onEdit }: EditorProps) {
  const [draft, setDraft] = useState<RoleDraft>({ role: account.role, gridCode: account.gridCode })
  const { errors, notice, sending, clearError, submit } = useFormSubmit()
  const gridName = (code: string | null) => grids.find((g) => g.code === code)?.name ?? null

  const set = (patch: Partial<RoleDraft>) => {
    setDraft({ ...draft, ...patch })
    // A new role can make the grid message moot, and the other way round.
    clearError('role')
    clearError('gridCode')
    onEdit()
  }

  function save() {
    // Staff serve the whole sub-district: whatever grid was picked before is not sent.
    const sent: RoleDraft = { role: draft.role, gridCode: draft.role === 'staff' ? null : draft.gridCode }
    submit(
      validateRoleDraft(sent, (code) => grids.some((g) => g.code === code)),
      async (idempotencyKey) => onSaved(await staffApi.setAccountRole(account.id, sent, { idempotencyKey })),
      '还没有保存，选好的角色和网格都还在，请再点一次“保存”。',
    )
  }

  const gridOptions = draft.role === 'volunteer' ? grids.map((g) => g.name) : [NO_GRID, ...grids.map((g) => g.name)]
  return (
    <>
      {notice && (
        <View className="notice notice--warn" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <Choice
        label="角色"
        required
        options={ROLE_NAMES}
        value={ROLE_LABEL[draft.role]}
        error={errors.role}
        onChange={(name) => set({ role: ACCOUNT_ROLES[ROLE_NAMES.indexOf(name)] })}
      />
      {draft.role === 'staff' ? (
        <Text className="muted-line">工作人员服务全街道，不属于某个网格。</Text>
      ) : (
        <Choice
          label={draft.role === 'volunteer' ? '所服务的网格' : '所在网格'}
          required={draft.role === 'volunteer'}
          options={gridOptions}
          value={gridName(draft.gridCode) ?? (draft.role === 'volunteer' ? null : NO_GRID)}
          error={errors.gridCode}
          onChange={(name) => set({ gridCode: grids.find((g) => g.name === name)?.code ?? null })}
        />
      )}
      <Action className="btn--primary btn--block" disabled={sending} onClick={save}>
        {sending ? '正在保存…' : '保存'}
      </Action>
    </>
  )
}

/** 变更记录, newest first: who changed what, and when. */
function RoleHistory({ accountId, version, gridName }: { accountId: string; version: number; gridName: GridName }) {
  const history = useLoaded(() => staffApi.listRoleChanges(accountId), [accountId, version])
  return (
    <View className="card" role="region" ariaLabel="变更记录">
      <Text className="card__title">变更记录</Text>
      {!history.value ? (
        <Loading error={history.error} onRetry={history.reload} />
      ) : history.value.length === 0 ? (
        <Text className="muted-line">还没有变更记录</Text>
      ) : (
        history.value.map((change) => (
          <Text key={change.id} className="role-history__line">
            {describeRoleChange(change, gridName)}
          </Text>
        ))
      )}
    </View>
  )
}
