import type { MediationSlot } from '../../src/domain/mediation'
import { inChina } from '../../src/domain/chinaTime'
import { applyMatterAction, raiseMatter, type Matter, type MatterActor, type MatterDraft } from '../../src/domain/matters'

const HOUR = 3600 * 1000
const WANG: MatterActor = { id: 'seed-wang', name: '王秀英', role: 'elder', gridCode: 'DA0103' }
const WORKER: MatterActor = { id: 'volunteer', name: '赵志强', role: 'volunteer', gridCode: 'DA0103' }

/**
 * The demo's matters of grid DA0103, raised by a resident who is not a demo
 * account: a public safety hazard waiting to be accepted, a public one in
 * progress, and a private dispute. Made by the domain's own rules.
 */
export function seedMatters(now: number): Matter[] {
  const raise = (draft: MatterDraft, id: string, hoursAgo: number) => raiseMatter(draft, WANG, id, now - hoursAgo * HOUR)
  const hazard = raise({ kind: '安全隐患', text: '2栋楼道的灯坏了一个星期，晚上下楼看不见台阶', building: '友谊路9号2栋', unit: '1单元', public: true }, 'mt-seed-1', 30)
  const bins = raise({ kind: '环境卫生', text: '小区北门垃圾桶满了没人清，味道很大', building: '友谊路9号3栋', unit: '', public: true }, 'mt-seed-2', 50)
  const working = applyMatterAction(
    applyMatterAction(bins, 'accept', WORKER, {}, now - 48 * HOUR),
    'note',
    WORKER,
    { text: '已联系物业，增加每天清运一次' },
    now - 40 * HOUR,
  )
  const dispute = raise({ kind: '邻里纠纷', text: '楼上邻居家漏水到我家，协商了几次没有结果', building: '友谊路9号2栋', unit: '1单元', public: false }, 'mt-seed-3', 10)
  // Oldest first, like everything raised later.
  return [working, hazard, dispute]
}

/**
 * The judges' station's consultation slots: mornings of the next five China
 * days, 3 places each (the station's 3 rotating judges), ids ms1…ms5.
 */
export function seedMediationSlots(now: number): MediationSlot[] {
  return [1, 2, 3, 4, 5].map((n) => ({
    id: `ms${n}`,
    date: inChina(now).add(n, 'day').format('YYYY-MM-DD'),
    start: '09:00',
    end: '11:00',
    place: '东安社区法官工作站（友谊路9号一楼）',
    capacity: 3,
  }))
}
