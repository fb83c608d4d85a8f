/**
 * Request and response types of the API contract (docs/openapi.yaml).
 * Dates are ISO 8601 strings with an offset, e.g. 2026-11-25T09:00:00+08:00.
 */
import type { GeoPoint } from '../domain/place'
import type { CardColour, Contact } from '../domain/card'
import type { Shift } from '../domain/roster'
import type { Booking, Clinic, ClinicSlot } from '../domain/clinic'
import type { WishView } from '../domain/wish'
import type { Message } from '../domain/messages'
import type { RoleChange } from '../domain/roles'

export type { CardColour, Contact, Shift }

export type Role = 'resident' | 'elder' | 'volunteer' | 'staff'

export type { ActedBy, ResidentRef } from '../domain/onBehalf'

/** 代办: any write of a resident can name the resident a volunteer or staff member acts for. */
export interface OnBehalf {
  forResident?: import('../domain/onBehalf').ResidentRef
}

/** A resident a helper may act for; the phone is masked. */
export interface ResidentSummary {
  id: string
  name: string
  phone: string
  gridCode: string
}

/** An account as staff see it in 志愿者管理: the phone masked. */
export interface AccountSummary {
  id: string
  name: string
  phone: string
  role: Role
  gridCode: string | null
}

export type { RoleChange, RoleDraft } from '../domain/roles'

export interface User {
  id: string
  name: string
  /** The full number: only ever sent to its owner. */
  phone: string
  role: Role
  /** The grid the account belongs to; staff may have none. */
  gridCode: string | null
  /** 在职党员 (an in-service party member), as the person marked it on 我的; absent: not marked. */
  partyMember?: boolean
}

export interface Session {
  token: string
  user: User
}

export interface Meta {
  name: string
  /** Demo backends allow switching accounts and resetting data. */
  demo: boolean
  serverTime: string
}

export interface DemoAccount {
  id: string
  role: Role
  name: string
  /** 居民, 长者, 网格志愿者, 工作人员 */
  label: string
}

export interface GridSummary {
  code: string
  name: string
  communityCode: string
  communityName: string
}

export interface Community {
  code: string
  name: string
  grids: GridSummary[]
}

export interface Grid extends GridSummary {
  leader: { name: string; phone: string }
  station: { name: string; address: string; hours: string; location?: GeoPoint }
}

export interface Card {
  grid: Grid
  /** 24-hour hotline shown whenever nobody of a colour is on duty. */
  hotline: string
  colours: CardColour[]
  updatedAt: string
}

export type {
  Wish,
  WishAction,
  WishAddress,
  WishCategory,
  WishDraft,
  WishEvent,
  WishStatus,
  WishView,
} from '../domain/wish'

export type { GeoPoint } from '../domain/place'
export type { Message, MessageLink } from '../domain/messages'
export type { AuditEntry, AuditFilter } from '../domain/audit'

/** 个人信息与隐私: everything the service holds about an account, as its owner sees it. */
export interface MyData {
  account: User
  /** The name of the account's grid, e.g. 东安社区第三网格. */
  gridName: string | null
  wishes: WishView[]
  bookings: BookingView[]
  applications: ApplicationView[]
  /** 有事先商量: what the account raised. */
  matters: import('../domain/matters').MatterView[]
  /** 调解预约 with their private descriptions. */
  mediations: MediationBookingView[]
  /** 志愿活动 sign-ups. */
  signUps: SignUpView[]
  /** 功能室 bookings. */
  roomBookings: RoomBookingView[]
  messages: Message[]
  roleChanges: RoleChange[]
  /** China time, ISO 8601. */
  exportedAt: string
}

/** Staff's filter of the audit trail, a page at a time. */
export interface AuditQuery extends PageQuery {
  accountId?: string | null
  from?: string | null
  to?: string | null
}

/** What closing an account (注销账号) withdrew; the account itself is gone. */
export interface AccountClosure {
  /** China time, ISO 8601. */
  closedAt: string
  bookingsCancelled: number
  wishesCancelled: number
}

/** An uploaded photo: its id goes into a wish's photos; the url shows it to the uploader meanwhile. */
export interface PhotoRef {
  id: string
  url: string
}

/** How many messages are unread (the badge on 我的). */
export interface UnreadCount {
  unread: number
}

/** WeChat subscribe-message sends the caller's account still allows, per template (one per accept). */
export interface SubscribeGrants {
  grants: { templateId: string; remaining: number }[]
}

/** One page of a list, newest first; pass nextCursor back for the next page. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PageQuery {
  cursor?: string | null
  limit?: number
}

/** A wish in a list: no photos or history, to keep pages small. */
export type WishSummary = Omit<import('../domain/wish').WishView, 'photos' | 'events'> & { photoCount: number }

export interface OpenWishQuery extends PageQuery {
  category?: import('../domain/wish').WishCategory
}

/** A volunteer's tasks and totals (我的 shows the totals). */
export interface VolunteerTasks {
  items: WishSummary[]
  completedCount: number
  totalHours: number
}

export type {
  Assistance,
  Booking,
  BookingDraft,
  BookingStatus,
  Clinic,
  ClinicSlot,
  ForWhom,
  ClinicDraft,
} from '../domain/clinic'

/** A slot with what a resident needs to choose it. */
export interface SlotView extends ClinicSlot {
  placesLeft: number
  waiting: number
}

/** A clinic as listed and shown: slots with places left, and whether booking is open. */
export interface ClinicView extends Omit<Clinic, 'slots'> {
  slots: SlotView[]
  startsAt: string
  cutoffAt: string
  bookingOpen: boolean
}

/** A booking with the clinic and slot it is for (my bookings, tickets). */
export interface BookingView extends Booking {
  clinic: Pick<Clinic, 'id' | 'title' | 'specialty' | 'hospital' | 'place' | 'date' | 'doctors' | 'notes' | 'location'>
  slot: { start: string; end: string }
  startsAt: string
  cutoffAt: string
}

/** Staff's view of a clinic: every booking and the attendance figures. */
export interface Roster {
  clinic: ClinicView
  bookings: BookingView[]
  attendance: { booked: number; arrived: number; waiting: number; rate: number }
}

export type {
  Application,
  ApplicationDraft,
  ApplicationStatus,
  JobKind,
  JobQuery,
  Posting,
  PostingDraft,
  SuitedTag,
} from '../domain/jobs'

/** A posting as shown: whether it still takes applications. */
export type PostingView = import('../domain/jobs').Posting & { listed: boolean }

/** An application with the posting it is for. */
export type ApplicationView = import('../domain/jobs').Application & {
  posting: Pick<import('../domain/jobs').Posting, 'id' | 'title' | 'employer' | 'contactName' | 'contactPhone'>
}

export type { Matter, MatterDraft, MatterEvent, MatterKind, MatterStatus, MatterView, Overdue } from '../domain/matters'

export type { StationMember, StationRole } from '../domain/station'

export type { AgendaItem, Attendee, AttendeeRole, MatterMeeting, Meeting, MeetingDraft } from '../domain/meetings'

export type { MediationBooking, MediationDraft, MediationOutcome, MediationSlot, MediationSlotDraft } from '../domain/mediation'

/** A consultation slot at the judges' station, with places left. */
export type MediationSlotView = import('../domain/mediation').MediationSlot & {
  placesLeft: number
  startsAt: string
  bookingOpen: boolean
}

/** A mediation booking with its slot; its description is read only by its resident and staff. */
export type MediationBookingView = import('../domain/mediation').MediationBooking & {
  slot: import('../domain/mediation').MediationSlot
  startsAt: string
  /** The last moment it may be cancelled online (2 hours before). */
  cancelBy: string
}

export type { Breakdown, Figures } from '../domain/stats'

/** The dashboard: the whole sub-district, each community and each grid. */
export interface Dashboard {
  generatedAt: string
  overall: import('../domain/stats').Breakdown
  communities: { code: string; name: string; figures: import('../domain/stats').Breakdown }[]
  grids: { code: string; name: string; communityCode: string; figures: import('../domain/stats').Breakdown }[]
  /** 志愿活动 that have started, newest first (at most 20), with their participations and hours. */
  activities: { id: string; theme: string; unit: string; at: string; participations: number; hours: number }[]
  /** Each organising unit (共建单位), the busiest first. */
  units: { unit: string; overall: import('../domain/stats').ActivityFigures; thisMonth: import('../domain/stats').ActivityFigures }[]
}

/** The public summary on the home page (本街道已为民办实事 N 件 …). */
export interface PublicSummary {
  deedsDone: number
  /** Micro-wishes and activities together. */
  volunteerHours: number
  clinicArrivals: number
  jobPlacements: number
  mattersSolved: number
  hazardsRemoved: number
  disputesMediated: number
  activityParticipations: number
}

export type {
  Activity,
  ActivityDraft,
  ActivityKind,
  Audience,
  Certificate,
  CertificateCheck,
  HoursCorrection,
  ServiceEntry,
  ServiceRecord,
  SignUp,
  SignUpStatus,
} from '../domain/activity'

/** An activity as listed and shown: places left and whether sign-up is open; never its code's secret. */
export type ActivityView = Omit<import('../domain/activity').Activity, 'secret'> & {
  startsAt: string
  endsAt: string
  checkInOpensAt: string
  placesLeft: number
  waiting: number
  signUpOpen: boolean
}

/** A sign-up with what its holder needs of the activity, and the hours that count. */
export type SignUpView = import('../domain/activity').SignUp & {
  activity: Pick<import('../domain/activity').Activity, 'id' | 'theme' | 'kind' | 'unit' | 'date' | 'start' | 'end' | 'place' | 'bring' | 'deadline'>
  creditedHours: number
}

/** The organiser's list: every sign-up not cancelled, with the holder's name. */
/** A sign-up on the organiser's list, with the volunteer's name. */
export type RosterEntry = SignUpView & { name: string }

export interface ActivityRoster {
  activity: ActivityView
  signUps: RosterEntry[]
}

export type { Closure, OpeningHours, Room, RoomBooking, RoomBookingState, RoomBookingStatus } from '../domain/rooms'

/** A room with its closures still to end (shown with their reasons). */
export type RoomView = Omit<import('../domain/rooms').Room, 'secret'> & {
  closures: import('../domain/rooms').Closure[]
  /** Walk-in rooms (母婴室): how many are inside now (0 for rooms booked by the hour). */
  inUse: number
}

export type { RoomVisit } from '../domain/rooms'

/** One hour of a room on a day. */
export interface RoomSlot {
  date: string
  start: string
  end: string
  placesLeft: number
  /** Why staff closed it, when they did. */
  closedReason: string | null
  bookable: boolean
}

/** A booking with its room, its state (a missed hour is no_show) and when it ends. */
export type RoomBookingView = import('../domain/rooms').RoomBooking & {
  room: { id: string; name: string }
  state: import('../domain/rooms').RoomBookingState
  end: string
}

/** The caller's room bookings, newest first, and whether booking is paused (three no-shows). */
export interface MyRoomBookings {
  bookings: RoomBookingView[]
  pause: { until: string; reason: string } | null
}

export interface ClosureResult {
  closure: import('../domain/rooms').Closure
  /** Bookings it cancelled (their holders see the reason). */
  cancelled: number
}

/** The organiser's live check-in code: shown until expiresAt, then fetched again. */
export interface LiveCode {
  code: string
  /** What the QR carries: the activity (or room) and the code. */
  payload: string
  expiresAt: string
}
