import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api, type ApplicationView, type BookingView, type User } from '../../api'
import { ClinicEntry, JobsEntry } from '../../components/Entries'
import { describeWhen } from '../../domain/clinic'
import { APPLICATION_STATUS_LABEL } from '../../domain/jobs'
import { describeActedBy } from '../../domain/onBehalf'

const BOOKING_STATUS = { booked: '已预约', waiting: '候补中', cancelled: '已取消', checked_in: '已签到' } as const

/** 我的预约 and 我的报名 at a glance (the latest few), with the ways in. Staff get their consoles. */
export function MyRecords({ user, refresh }: { user: User; refresh: number }) {
  const [bookings, setBookings] = useState<BookingView[]>([])
  const [applications, setApplications] = useState<ApplicationView[]>([])

  useEffect(() => {
    if (user.role === 'staff') return
    let live = true
    api.listMyBookings().then((list) => live && setBookings(list.filter((b) => b.status !== 'cancelled' && Date.parse(b.startsAt) > Date.now()).slice(0, 2)), () => undefined)
    api.listMyApplications().then((list) => live && setApplications(list.slice(0, 3)), () => undefined)
    return () => {
      live = false
    }
  }, [user.id, user.role, refresh])

  const now = Date.now()
  return (
    <>
      <ClinicEntry role={user.role}>
        {bookings.map((b) => (
          <View key={b.id} className="my-wish">
            <Text className="my-wish__title">
              {describeWhen(b.startsAt, now)} {b.clinic.title}
            </Text>
            <Text className="badge">{BOOKING_STATUS[b.status]}</Text>
            {b.actedBy && <Text className="muted-line">{describeActedBy(b.actedBy)}</Text>}
          </View>
        ))}
      </ClinicEntry>
      <JobsEntry role={user.role}>
        {applications.map((a) => (
          <View key={a.id} className="my-wish">
            <Text className="my-wish__title">{a.posting.title}</Text>
            <Text className="badge">{APPLICATION_STATUS_LABEL[a.status]}</Text>
          </View>
        ))}
      </JobsEntry>
    </>
  )
}
