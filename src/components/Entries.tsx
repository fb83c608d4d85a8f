import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Role } from '../api'
import { ROUTES, open } from '../platform/navigation'
import { Action } from './Action'
import { Runs } from './Runs'

/** The 微心愿 buttons for each role: post and follow, claim and serve, or review. */
export function WishLinks({ role }: { role: Role | null }) {
  if (role === 'volunteer') {
    return (
      <View className="row">
        <Action className="btn--primary" onClick={() => open(ROUTES.wishList('open'))}>
          认领心愿
        </Action>
        <Action className="btn--plain" onClick={() => open(ROUTES.wishList('tasks'))}>
          我的任务
        </Action>
        <Action className="btn--plain" onClick={() => open(ROUTES.wishPost)}>
          代居民发布
        </Action>
      </View>
    )
  }
  if (role === 'staff') {
    return (
      <View className="row">
        <Action className="btn--primary" onClick={() => open(ROUTES.wishList('review'))}>
          审核心愿
        </Action>
        <Action className="btn--plain" onClick={() => open(ROUTES.wishPost)}>
          代居民发布
        </Action>
      </View>
    )
  }
  return (
    <View className="row">
      <Action className="btn--primary" onClick={() => open(ROUTES.wishPost)}>
        发布心愿
      </Action>
      <Action className="btn--plain" onClick={() => open(ROUTES.wishList('mine'))}>
        我的心愿
      </Action>
    </View>
  )
}

/** The 专家义诊 card on the home page. */
export function ClinicEntry({ role, children }: { role: Role | null; children?: ReactNode }) {
  return (
    <View className="card entry" role="region" ariaLabel="专家义诊">
      <Text className="card__title">专家义诊</Text>
      <Text className="entry__text">{role === 'staff' ? '安排义诊、查看名单和签到' : '免费专家门诊，可为自己或家人预约'}</Text>
      {children}
      <View className="row">
        <Action className="btn--primary" onClick={() => open(ROUTES.clinics)}>
          {role === 'staff' ? '义诊管理' : '预约义诊'}
        </Action>
        {role !== 'staff' && (
          <Action className="btn--plain" onClick={() => open(ROUTES.myBookings)}>
            我的预约
          </Action>
        )}
      </View>
    </View>
  )
}

/** The 就业创业 card on the home page and 我的. */
export function JobsEntry({ role, children }: { role: Role | null; children?: ReactNode }) {
  return (
    <View className="card entry" role="region" ariaLabel="就业创业">
      <Text className="card__title">就业创业</Text>
      <Runs className="entry__text" text={role === 'staff' ? '发布岗位、查看报名' : '家门口的工作和免费培训，月增收2000–6000元'} />
      {children}
      <View className="row">
        <Action className="btn--primary" onClick={() => open(ROUTES.jobs)}>
          {role === 'staff' ? '岗位管理' : '找工作'}
        </Action>
        {role !== 'staff' && (
          <Action className="btn--plain" onClick={() => open(ROUTES.myApplications)}>
            我的报名
          </Action>
        )}
      </View>
    </View>
  )
}

/** The 微心愿 card on the home page. */
export function WishEntry({ role }: { role: Role | null }) {
  return (
    <View className="card entry" role="region" ariaLabel="微心愿">
      <Text className="card__title">微心愿</Text>
      <Text className="entry__text">
        {role === 'volunteer'
          ? '本网格居民的小心愿，等您认领帮忙'
          : role === 'staff'
            ? '居民发布的心愿，审核通过后志愿者可认领'
            : '有小困难说出来，网格志愿者上门帮您'}
      </Text>
      <WishLinks role={role} />
    </View>
  )
}
