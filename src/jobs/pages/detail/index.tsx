import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../api'
import { jobsApi } from '../../../api/jobs'
import { Action } from '../../../components/Action'
import { CallButton } from '../../../components/CallButton'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { inChina } from '../../../domain/chinaTime'
import { APPLICATION_STATUS_LABEL, describePay, describeSuitedTags } from '../../../domain/jobs'
import { ROUTES, open } from '../../../platform/navigation'
import { useSession } from '../../../stores/session'
import '../../jobs.scss'
import { Runs } from '../../../components/Runs'

export default function JobDetail() {
  const { id = '', applied } = useRouter().params
  const user = useSession((s) => s.user)
  const role = user?.role ?? null
  const { value: posting, error, reload } = useLoaded(() => jobsApi.getJob(id), [id])
  // Someone who applied already is told so here, not after filling in the form again.
  const { value: mine } = useLoaded(async () => (user && user.role !== 'staff' ? api.listMyApplications() : []), [user?.id])
  const myApplication = mine?.find((a) => a.posting.id === id) ?? null
  if (!posting) {
    return <LoadingPage error={error} onRetry={reload} />
  }
  return (
    <PageRoot>
      {applied && (
        <View className="notice" role="status">
          已为居民报名。居民用登记的手机号登录后，可在“我的报名”查看进度。
        </View>
      )}
      <View className="card">
        <View className="card__title" role="heading" aria-level={1}>
          {posting.title}
        </View>
        <Runs className="job__pay" text={describePay(posting)} />
        <Text>用工单位：{posting.employer}</Text>
        <Text>工作类型：{posting.kind}</Text>
        <Text>工作地点：{posting.place}</Text>
        <Text>工作时间：{posting.hours}</Text>
        <Text>岗位要求：{posting.requirements}</Text>
        <Text>适合人群：{describeSuitedTags(posting.tags)}</Text>
        <Text>
          发布于{inChina(posting.publishedAt).format('M月D日')}，报名截止{inChina(`${posting.expiresOn}T00:00:00+08:00`).format('M月D日')}
        </Text>
        <Text>联系人：{posting.contactName}</Text>
      </View>
      {!posting.listed && (
        <View className="notice notice--warn" role="status">
          {posting.status === 'closed' ? '该岗位已停止招聘' : '该岗位已过报名截止日期'}
        </View>
      )}
      {myApplication && (
        <View className="notice" role="status">
          <Text>您已报名这个岗位，当前进度：{APPLICATION_STATUS_LABEL[myApplication.status]}</Text>
        </View>
      )}
      <View className="row">
        {myApplication && (
          <Action className="btn--plain" onClick={() => open(ROUTES.myApplications)}>
            查看我的报名
          </Action>
        )}
        {posting.listed && (!myApplication || role === 'volunteer') && (
          <Action className="btn--primary" onClick={() => open(ROUTES.jobApply(posting.id))}>
            {role === 'staff' || myApplication ? '代居民报名' : '我要报名'}
          </Action>
        )}
        <CallButton phone={posting.contactPhone} label="电话咨询" who={posting.contactName} />
      </View>
    </PageRoot>
  )
}
