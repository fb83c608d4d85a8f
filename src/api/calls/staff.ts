import type { StaffApi } from '../contract'
import type { AccountSummary, AuditEntry, Dashboard, RoleChange } from '../types'
import type { Caller } from '../caller'

export function staffCalls({ send, write, page, seg }: Caller): StaffApi {
  return {
    listAccounts: (q) => send<AccountSummary[]>({ method: 'GET', path: '/staff/accounts', query: { q: q || undefined } }),
    setAccountRole: (id, draft, options) => write<AccountSummary>('POST', `/staff/accounts/${seg(id)}/role`, draft, options),
    listRoleChanges: (id) => send<RoleChange[]>({ method: 'GET', path: `/staff/accounts/${seg(id)}/role-changes` }),
    listAudit: ({ accountId, from, to, ...paging } = {}) =>
      page<AuditEntry>('/staff/audit', { ...paging, accountId: accountId ?? undefined, from: from || undefined, to: to || undefined }),
    getDashboard: () => send<Dashboard>({ method: 'GET', path: '/stats' }),
  }
}
