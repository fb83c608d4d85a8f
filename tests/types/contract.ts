/* The hand-written contract types (src/api/types.ts and the domain types it
 * re-exports) against the types generated from docs/openapi.yaml
 * (src/api/openapi.d.ts, by openapi-typescript). What the server answers must
 * be the same type both ways; what the app sends (drafts) must fit what the
 * document accepts, which may leave more optional. Otherwise
 * `npm run typecheck` fails here. No runtime code. */
import type * as Api from '../../src/api'
import type { components } from '../../src/api/openapi'

type Schemas = components['schemas']
/** true when A and B accept exactly the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** true when every A is a B: a request the app builds is one the document accepts. */
type Fits<A, B> = [A] extends [B] ? true : false

export const SAME_AS_DOCUMENT: {
  User: Same<Schemas['User'], Api.User>
  Session: Same<Schemas['Session'], Api.Session>
  Meta: Same<Schemas['Meta'], Api.Meta>
  DemoAccount: Same<Schemas['DemoAccount'], Api.DemoAccount>
  GridSummary: Same<Schemas['GridSummary'], Api.GridSummary>
  Grid: Same<Schemas['Grid'], Api.Grid>
  Community: Same<Schemas['Community'], Api.Community>
  Card: Same<Schemas['Card'], Api.Card>
  WishDraft: Fits<Api.WishDraft, Schemas['WishDraft']>
  PhotoRef: Same<Schemas['PhotoRef'], Api.PhotoRef>
  WishView: Same<Schemas['Wish'], Api.WishView>
  WishSummary: Same<Schemas['WishSummary'], Api.WishSummary>
  WishPage: Same<Schemas['WishPage'], Api.Page<Api.WishSummary>>
  VolunteerTasks: Same<Schemas['VolunteerTasks'], Api.VolunteerTasks>
  ResidentSummary: Same<Schemas['ResidentSummary'], Api.ResidentSummary>
  AccountSummary: Same<Schemas['AccountSummary'], Api.AccountSummary>
  RoleDraft: Fits<Api.RoleDraft, Schemas['RoleDraft']>
  RoleChange: Same<Schemas['RoleChange'], Api.RoleChange>
  ClinicDraft: Fits<Api.ClinicDraft, Schemas['ClinicDraft']>
  ClinicView: Same<Schemas['Clinic'], Api.ClinicView>
  BookingDraft: Fits<Api.BookingDraft, Schemas['BookingDraft']>
  BookingView: Same<Schemas['Booking'], Api.BookingView>
  Roster: Same<Schemas['Roster'], Api.Roster>
  PostingDraft: Fits<Api.PostingDraft, Schemas['PostingDraft']>
  PostingView: Same<Schemas['Posting'], Api.PostingView>
  PostingPage: Same<Schemas['PostingPage'], Api.Page<Api.PostingView>>
  ApplicationDraft: Fits<Api.ApplicationDraft, Schemas['ApplicationDraft']>
  ApplicationView: Same<Schemas['Application'], Api.ApplicationView>
  MatterDraft: Fits<Api.MatterDraft, Schemas['MatterDraft']>
  MatterView: Same<Schemas['Matter'], Api.MatterView>
  MatterPage: Same<Schemas['MatterPage'], Api.Page<Api.MatterView>>
  MeetingDraft: Fits<Api.MeetingDraft, Schemas['MeetingDraft']>
  Meeting: Same<Schemas['Meeting'], Api.Meeting>
  StationMember: Same<Schemas['StationMember'], Api.StationMember>
  MediationSlotDraft: Fits<Api.MediationSlotDraft, Schemas['MediationSlotDraft']>
  MediationSlotView: Same<Schemas['MediationSlot'], Api.MediationSlotView>
  MediationDraft: Fits<Api.MediationDraft, Schemas['MediationDraft']>
  MediationBookingView: Same<Schemas['MediationBooking'], Api.MediationBookingView>
  Figures: Same<Schemas['Figures'], Api.Figures>
  Breakdown: Same<Schemas['Breakdown'], Api.Breakdown>
  Message: Same<Schemas['Message'], Api.Message>
  MessagePage: Same<Schemas['MessagePage'], Api.Page<Api.Message>>
  UnreadCount: Same<Schemas['UnreadCount'], Api.UnreadCount>
  SubscribeGrants: Same<Schemas['SubscribeGrants'], Api.SubscribeGrants>
  MyData: Same<Schemas['MyData'], Api.MyData>
  AccountClosure: Same<Schemas['AccountClosure'], Api.AccountClosure>
  AuditEntry: Same<Schemas['AuditEntry'], Api.AuditEntry>
  AuditPage: Same<Schemas['AuditPage'], Api.Page<Api.AuditEntry>>
  ActivityDraft: Fits<Api.ActivityDraft, Schemas['ActivityDraft']>
  ActivityView: Same<Schemas['Activity'], Api.ActivityView>
  SignUpView: Same<Schemas['SignUp'], Api.SignUpView>
  ActivityRoster: Same<Schemas['ActivityRoster'], Api.ActivityRoster>
  RosterEntry: Same<Schemas['RosterEntry'], Api.RosterEntry>
  LiveCode: Same<Schemas['LiveCode'], Api.LiveCode>
  ServiceRecord: Same<Schemas['ServiceRecord'], Api.ServiceRecord>
  Certificate: Same<Schemas['Certificate'], Api.Certificate>
  CertificateCheck: Same<Schemas['CertificateCheck'], Api.CertificateCheck>
  RoomView: Same<Schemas['Room'], Api.RoomView>
  RoomVisit: Same<Schemas['RoomVisit'], Api.RoomVisit>
  MyRoomVisit: Same<Schemas['MyRoomVisit'], { visit: Api.RoomVisit | null }>
  RoomSlot: Same<Schemas['RoomSlot'], Api.RoomSlot>
  RoomBookingView: Same<Schemas['RoomBooking'], Api.RoomBookingView>
  MyRoomBookings: Same<Schemas['MyRoomBookings'], Api.MyRoomBookings>
  ClosureResult: Same<Schemas['ClosureResult'], Api.ClosureResult>
} = {
  User: true,
  Session: true,
  Meta: true,
  DemoAccount: true,
  GridSummary: true,
  Grid: true,
  Community: true,
  Card: true,
  WishDraft: true,
  PhotoRef: true,
  WishView: true,
  WishSummary: true,
  WishPage: true,
  VolunteerTasks: true,
  ResidentSummary: true,
  AccountSummary: true,
  RoleDraft: true,
  RoleChange: true,
  ClinicDraft: true,
  ClinicView: true,
  BookingDraft: true,
  BookingView: true,
  Roster: true,
  PostingDraft: true,
  PostingView: true,
  PostingPage: true,
  ApplicationDraft: true,
  ApplicationView: true,
  MatterDraft: true,
  MatterView: true,
  MatterPage: true,
  MeetingDraft: true,
  Meeting: true,
  StationMember: true,
  MediationSlotDraft: true,
  MediationSlotView: true,
  MediationDraft: true,
  MediationBookingView: true,
  Figures: true,
  Breakdown: true,
  Message: true,
  MessagePage: true,
  UnreadCount: true,
  SubscribeGrants: true,
  MyData: true,
  AccountClosure: true,
  AuditEntry: true,
  AuditPage: true,
  ActivityDraft: true,
  ActivityView: true,
  SignUpView: true,
  ActivityRoster: true,
  RosterEntry: true,
  LiveCode: true,
  ServiceRecord: true,
  Certificate: true,
  CertificateCheck: true,
  RoomView: true,
  RoomVisit: true,
  MyRoomVisit: true,
  RoomSlot: true,
  RoomBookingView: true,
  MyRoomBookings: true,
  ClosureResult: true,
}
