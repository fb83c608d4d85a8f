import type { CommunityRecord } from '../../backend/records'
import type { GeoPoint } from '../../src/domain/place'

/** Dong'an sub-district (东安街道): three communities, seven grids. */
export const COMMUNITIES: CommunityRecord[] = [
  { code: 'DA01', name: '东安社区' },
  { code: 'XH02', name: '兴华社区' },
  { code: 'GM03', name: '光明社区' },
]

export interface GridSeed {
  code: string
  communityCode: string
  name: string
  leader: string
  leaderPhone: string
  address: string
  hotline: string
  /** The station on the map (demo points in 碾子山区, Qiqihar). */
  location: GeoPoint
}

export const GRIDS: GridSeed[] = [
  { code: 'DA0101', communityCode: 'DA01', name: '东安社区第一网格', leader: '王淑琴', leaderPhone: '13945201101', address: '东安街道建设路18号1楼', hotline: '0452-5861101', location: { latitude: 47.5163, longitude: 122.8871 } },
  { code: 'DA0102', communityCode: 'DA01', name: '东安社区第二网格', leader: '孙立军', leaderPhone: '13945201102', address: '东安街道建设路46号幸福里康养管家', hotline: '0452-5861102', location: { latitude: 47.5178, longitude: 122.8902 } },
  { code: 'DA0103', communityCode: 'DA01', name: '东安社区第三网格', leader: '陈桂芝', leaderPhone: '13945201103', address: '东安街道友谊路9号网格党群服务站', hotline: '0452-5861103', location: { latitude: 47.5149, longitude: 122.8846 } },
  { code: 'XH0201', communityCode: 'XH02', name: '兴华社区第一网格', leader: '李春燕', leaderPhone: '13945202201', address: '兴华路27号社区服务中心', hotline: '0452-5862201', location: { latitude: 47.5211, longitude: 122.8795 } },
  { code: 'XH0202', communityCode: 'XH02', name: '兴华社区第二网格', leader: '周国庆', leaderPhone: '13945202202', address: '兴华路63号网格党群服务站', hotline: '0452-5862202', location: { latitude: 47.5232, longitude: 122.8768 } },
  { code: 'GM0301', communityCode: 'GM03', name: '光明社区第一网格', leader: '吴秀梅', leaderPhone: '13945203301', address: '光明街5号共富车间旁', hotline: '0452-5863301', location: { latitude: 47.5104, longitude: 122.8933 } },
  { code: 'GM0302', communityCode: 'GM03', name: '光明社区第二网格', leader: '郑海涛', leaderPhone: '13945203302', address: '光明街31号网格党群服务站', hotline: '0452-5863302', location: { latitude: 47.5087, longitude: 122.8961 } },
]

export const STATION_HOURS = '周一至周五 08:30–17:30，周六 09:00–12:00'
