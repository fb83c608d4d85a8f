import { ApiError } from '../../src/api/errors'
import { auditSpanError, type AuditEntry, type AuditFilter } from '../../src/domain/audit'
import { pageOf } from '../paging'
import type { Route, RouteContext } from '../router'

function filterOf(ctx: RouteContext): AuditFilter {
  const { accountId, from, to } = ctx.query
  const problem = auditSpanError(from, to)
  if (problem) throw new ApiError('VALIDATION', problem, { to: problem })
  if (accountId !== undefined && (accountId.length === 0 || accountId.length > 40)) {
    throw new ApiError('VALIDATION', '账号编号不正确', { accountId: '请重新选择账号' })
  }
  return { accountId: accountId ?? null, from: from || null, to: to || null }
}

/** 操作记录: staff read the trail, newest first; nothing can change it. */
export const auditRoutes: Route[] = [
  {
    method: 'GET',
    path: '/staff/audit',
    access: ['staff'],
    handler: (ctx) => {
      const filter = filterOf(ctx)
      return pageOf<AuditEntry, AuditEntry>(ctx, (scan) => ctx.repo.scanAudit(filter, scan), (entry) => entry)
    },
  },
]
