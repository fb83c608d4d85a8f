import type { ActivityApi } from '../contract'
import type { ActivityRoster, ActivityView, Certificate, CertificateCheck, LiveCode, RosterEntry, ServiceRecord, SignUpView } from '../types'
import type { Caller } from '../caller'

export function activityCalls({ send, write, seg }: Caller): ActivityApi {
  return {
    listActivities: () => send<ActivityView[]>({ method: 'GET', path: '/activities' }),
    getActivity: (id) => send<ActivityView>({ method: 'GET', path: `/activities/${seg(id)}` }),
    publishActivity: (draft, options) => write<ActivityView>('POST', '/activities', draft, options),
    publishActivitySeries: (draft, months, options) => write<ActivityView[]>('POST', '/activities/series', { ...draft, months }, options),
    signUpForActivity: (activityId, options) => write<SignUpView>('POST', `/activities/${seg(activityId)}/signups`, {}, options),
    listMySignUps: () => send<SignUpView[]>({ method: 'GET', path: '/activity-signups/mine' }),
    cancelSignUp: (signUpId, options) => write<SignUpView>('POST', `/activity-signups/${seg(signUpId)}/cancel`, {}, options),
    getLiveCode: (activityId) => send<LiveCode>({ method: 'GET', path: `/activities/${seg(activityId)}/code` }),
    getMyActivityCode: (activityId) => send<LiveCode>({ method: 'GET', path: `/activities/${seg(activityId)}/my-code` }),
    scanVolunteerCode: (activityId, code, step, options) => write<RosterEntry>('POST', `/activities/${seg(activityId)}/scan`, { code, step }, options),
    checkInToActivity: (activityId, code, options) => write<SignUpView>('POST', `/activities/${seg(activityId)}/check-in`, { code }, options),
    checkOutOfActivity: (activityId, code, options) => write<SignUpView>('POST', `/activities/${seg(activityId)}/check-out`, { code }, options),
    getActivityRoster: (activityId) => send<ActivityRoster>({ method: 'GET', path: `/activities/${seg(activityId)}/roster` }),
    correctHours: (signUpId, hours, reason, options) => write<SignUpView>('POST', `/activity-signups/${seg(signUpId)}/correction`, { hours, reason }, options),
    getServiceRecord: () => send<ServiceRecord>({ method: 'GET', path: '/me/service-record' }),
    issueCertificate: (options) => write<Certificate>('POST', '/me/certificates', {}, options),
    checkCertificate: (code) => send<CertificateCheck>({ method: 'GET', path: `/certificates/${seg(code)}` }),
  }
}
