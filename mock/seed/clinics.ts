import { inChina, toChinaIso } from '../../src/domain/chinaTime'
import { checkInCodeFor, DEFAULT_CUTOFF_MINUTES, type Booking, type Clinic, type ClinicSlot } from '../../src/domain/clinic'

function slots(start: string, count: number, capacity: number): ClinicSlot[] {
  const [h, m] = start.split(':').map(Number)
  return Array.from({ length: count }, (_, i) => {
    const from = h * 60 + m + i * 30
    const clock = (mins: number) => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`
    return { id: `t${i + 1}`, start: clock(from), end: clock(from + 30), capacity }
  })
}

/** Upcoming clinics dated from `now` (China calendar days), so the demo is always current. */
export function seedClinics(now: number): { clinics: Clinic[]; bookings: Booking[] } {
  const day = (offset: number) => inChina(now).startOf('day').add(offset, 'day').format('YYYY-MM-DD')
  const opensAt = toChinaIso(now - 7 * 24 * 3600 * 1000)
  const base = { opensAt, cutoffMinutes: DEFAULT_CUTOFF_MINUTES }
  const clinics: Clinic[] = [
    {
      ...base, id: 'c1', title: '心血管专家义诊', specialty: '心血管', doctors: '王建国 主任医师、李丽 副主任医师',
      hospital: '碾子山区人民医院', place: '幸福里康养管家 一楼诊室', date: day(1), slots: slots('09:00', 4, 3),
      notes: '请带上既往病历和正在服用的药物；需要查血糖者请空腹。', location: { latitude: 47.5178, longitude: 122.8902 },
    },
    {
      ...base, id: 'c2', title: '眼科义诊（白内障筛查）', specialty: '眼科', doctors: '赵明 主治医师',
      hospital: '齐齐哈尔市第一医院', place: '东安社区党群服务中心 二楼', date: day(2), slots: slots('14:00', 4, 4),
      notes: '戴眼镜的居民请带上眼镜。', location: { latitude: 47.516, longitude: 122.888 },
    },
    {
      ...base, id: 'c3', title: '中医理疗义诊', specialty: '中医', doctors: '孙德明 中医师',
      hospital: '碾子山区中医院', place: '兴华社区服务中心', date: day(4), slots: slots('09:00', 6, 5),
      notes: '提供推拿、艾灸咨询。', location: { latitude: 47.5211, longitude: 122.8795 },
    },
    {
      ...base, id: 'c4', title: '口腔健康义诊', specialty: '口腔', doctors: '周晓燕 口腔医师',
      hospital: '碾子山区人民医院', place: '光明社区服务站', date: day(6), slots: slots('13:30', 4, 4),
      notes: '', location: { latitude: 47.5087, longitude: 122.8961 },
    },
  ]
  // The first slot of the heart clinic is full, so the demo shows the waiting list.
  const full: [string, string, string][] = [
    ['seed-wang', '王秀英', '13504526688'],
    ['seed-zhou', '周建华', '13504527799'],
    ['seed-zhou', '周母', '13504527700'],
  ]
  const bookings: Booking[] = full.map(([accountId, patientName, phone], i) => ({
    id: `k${i + 1}`,
    clinicId: 'c1',
    slotId: 't1',
    accountId,
    patientName,
    phone,
    age: 68 + i,
    forWhom: i === 2 ? '家人代约' : '本人',
    symptoms: '',
    assistance: [],
    status: 'booked',
    queueNumber: i + 1,
    checkInCode: checkInCodeFor(`k${i + 1}`, 'c1'),
    createdAt: toChinaIso(now - (10 - i) * 3600 * 1000),
    checkedInAt: null,
    promotedAt: null,
  }))
  return { clinics, bookings }
}
