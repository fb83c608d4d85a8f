import type { ClinicApi } from '../contract'
import type { BookingView, ClinicView, Roster } from '../types'
import type { Caller } from '../caller'

export function clinicCalls({ send, write, seg }: Caller): ClinicApi {
  return {
    listClinics: (specialty) => send<ClinicView[]>({ method: 'GET', path: '/clinics', query: { specialty } }),
    getClinic: (id) => send<ClinicView>({ method: 'GET', path: `/clinics/${seg(id)}` }),
    bookClinic: (clinicId, slotId, draft, options) =>
      write<BookingView>('POST', `/clinics/${seg(clinicId)}/slots/${seg(slotId)}/bookings`, draft, options),
    getBooking: (id) => send<BookingView>({ method: 'GET', path: `/bookings/${seg(id)}` }),
    cancelBooking: (id, reason, options) => write<BookingView>('POST', `/bookings/${seg(id)}/cancel`, reason ? { reason } : {}, options),
    createClinic: (draft, options) => write<ClinicView>('POST', '/clinics', draft, options),
    updateClinic: (id, draft, options) => write<ClinicView>('PUT', `/clinics/${seg(id)}`, draft, options),
    getRoster: (clinicId) => send<Roster>({ method: 'GET', path: `/clinics/${seg(clinicId)}/roster` }),
    checkIn: (bookingId, options) => write<BookingView>('POST', `/bookings/${seg(bookingId)}/check-in`, {}, options),
  }
}
