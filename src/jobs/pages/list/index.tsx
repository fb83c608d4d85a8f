import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { type JobKind, type SuitedTag } from '../../../api'
import { jobsApi } from '../../../api/jobs'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { ListFooter } from '../../../components/ListParts'
import { PageRoot } from '../../../components/PageRoot'
import { usePagedList } from '../../../components/usePagedList'
import { JOB_KINDS, SUITED_TAGS } from '../../../domain/jobs'
import { ROUTES, open } from '../../../platform/navigation'
import { useSession } from '../../../stores/session'
import { JobCard } from '../../components/JobCard'
import '../../jobs.scss'
import { NavRow } from '../../../components/NavRow'

const PAY_FLOORS = [2000, 3000, 4000, 5000]

function Chips<T extends string | number>(props: { label: string; all: string; options: readonly T[]; value: T | null; format?: (v: T) => string; onChange: (v: T | null) => void }) {
  const { label, all, options, value, format = String, onChange } = props
  return (
    <View className="choice filter" role="group" ariaLabel={label}>
      <Text className="filter-label" aria-hidden>
        {label}
      </Text>
      {[null, ...options].map((option) => (
        <Action key={String(option)} className={`choice__item ${value === option ? 'choice__item--on' : ''}`} pressed={value === option} onClick={() => onChange(option)}>
          {option === null ? all : format(option)}
        </Action>
      ))}
    </View>
  )
}

/** Open postings, newest first: keyword search and combinable filters; staff see every posting. */
export default function JobList() {
  const role = useSession((s) => s.user?.role ?? null)
  const staff = role === 'staff'
  const [typed, setTyped] = useState('')
  const [keyword, setKeyword] = useState('')
  const [kind, setKind] = useState<JobKind | null>(null)
  const [tag, setTag] = useState<SuitedTag | null>(null)
  const [minPay, setMinPay] = useState<number | null>(null)
  // The 15 chips stay folded so postings fill the first screen; the control says how many are set.
  const [filtering, setFiltering] = useState(false)
  const filtersSet = [kind, tag, minPay].filter((v) => v !== null).length
  const list = usePagedList(
    (cursor) => (staff ? jobsApi.listAllJobs({ cursor, keyword: keyword || undefined }) : jobsApi.listJobs({ cursor, keyword: keyword || undefined, kind: kind ?? undefined, tag: tag ?? undefined, minPay: minPay ?? undefined })),
    [staff, keyword, kind, tag, minPay],
  )
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) list.reload()
    setShown(true)
  })

  return (
    <PageRoot>
      {staff ? (
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.jobManage())}>
          发布岗位
        </Action>
      ) : (
        <NavRow text="我的报名" hint="报名进度" onClick={() => open(ROUTES.myApplications)} />
      )}
      <View className="search">
        <Field id="jobs-keyword" label="搜索岗位" placeholder="岗位、单位或要求，如：编织" value={typed} onChange={setTyped} onConfirm={() => setKeyword(typed.trim())} />
        <Action className="btn--primary" onClick={() => setKeyword(typed.trim())}>
          搜索
        </Action>
      </View>
      {!staff && (
        <>
          <View className="row">
            <Action className="btn--plain" pressed={filtering} onClick={() => setFiltering(!filtering)}>
              {filtersSet ? `筛选（已选${filtersSet}项）` : '筛选'}
            </Action>
          </View>
          {filtering && (
            <>
              <Chips label="工作类型" all="全部类型" options={JOB_KINDS} value={kind} onChange={setKind} />
              <Chips label="适合人群" all="全部人群" options={SUITED_TAGS.filter((t) => t !== '不限')} value={tag} onChange={setTag} />
              <Chips label="月薪不低于" all="月薪不限" options={PAY_FLOORS} value={minPay} format={(n) => `${n}元以上`} onChange={setMinPay} />
            </>
          )}
        </>
      )}
      {list.error && (
        <View className="notice notice--error" role="alert">
          {list.error.fields.keyword ?? list.error.message}
        </View>
      )}
      {list.items.map((posting) => (
        <JobCard key={posting.id} posting={posting}>
          <Action className="btn--primary" label={`查看详情：${posting.title}`} onClick={() => open(ROUTES.job(posting.id))}>
            查看详情
          </Action>
          {staff && (
            <>
              <Action className="btn--plain" label={`报名名单：${posting.title}`} onClick={() => open(ROUTES.jobApplicants(posting.id))}>
                报名名单
              </Action>
              <Action className="btn--plain" label={`编辑：${posting.title}`} onClick={() => open(ROUTES.jobManage(posting.id))}>
                编辑
              </Action>
            </>
          )}
        </JobCard>
      ))}
      <ListFooter list={list} empty="没有符合条件的岗位，换个条件试试" />
    </PageRoot>
  )
}
