/* The backend core on every target: idempotency as the contract says, sessions
 * that end, and the rule fixes that both stores get from src/domain. */
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { PATIENT as patient, CLINIC as newClinic, WISH as wish } from './drafts'

const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const now = () => T0

describe.each(TARGETS)('backend core: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('answers a write without an Idempotency-Key with VALIDATION (422)', async () => {
    const { token } = await t.api.switchDemoAccount('resident')
    const error = await failureOf(t.transport({ method: 'POST', path: '/wishes', body: wish, token }))
    expect(error.code).toBe('VALIDATION')
    expect(Object.keys(error.fields)).toEqual(['Idempotency-Key'])
    expect((await t.clientWith(token).listMyWishes()).items.map((w) => w.title)).not.toContain(wish.title)
  })

  it('treats a retry with the keys of its body in another order as the same write', async () => {
    const { token } = await t.api.switchDemoAccount('resident')
    const reordered = Object.fromEntries(Object.entries(wish).reverse())
    const first = (await t.transport({ method: 'POST', path: '/wishes', body: wish, token, idempotencyKey: 'order-key' })) as { id: string }
    const again = (await t.transport({ method: 'POST', path: '/wishes', body: reordered, token, idempotencyKey: 'order-key' })) as { id: string }
    expect(again.id).toBe(first.id)
    const changed = await failureOf(t.transport({ method: 'POST', path: '/wishes', body: { ...wish, title: '另一件事' }, token, idempotencyKey: 'order-key' }))
    expect(changed.code).toBe('CONFLICT')
  })

  it('keeps one key per account: the same key from two people stores two records', async () => {
    const resident = await clientAs(t, 'resident')
    const elder = await clientAs(t, 'elder')
    const a = await resident.postWish(wish, { idempotencyKey: 'shared-key' })
    const b = await elder.postWish({ ...wish, phone: '13904527788' }, { idempotencyKey: 'shared-key' })
    expect(b.id).not.toBe(a.id)
    expect(b.ownerName).toBe('张桂兰')
  })

  it('ends a session on logout', async () => {
    const { token, user } = await t.api.switchDemoAccount('resident')
    const client = t.clientWith(token)
    expect((await client.getMe()).id).toBe(user.id)
    await client.logout()
    expect((await failureOf(client.getMe())).code).toBe('UNAUTHORIZED')
  })

  it('keeps wishes awaiting review from volunteers, and shows them staff', async () => {
    const posted = await (await clientAs(t, 'resident')).postWish(wish)
    expect(posted.status).toBe('pending_review')
    expect((await failureOf((await clientAs(t, 'volunteer')).getWish(posted.id))).code).toBe('NOT_FOUND')
    expect((await (await clientAs(t, 'staff')).getWish(posted.id)).ownerName).toBe('李明')
  })

  it('moves the waiting list in when staff add places to a full slot', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic({ ...newClinic, slots: [{ id: '', start: '09:00', end: '10:00', capacity: 1 }] })
    const slot = clinic.slots[0].id
    const elder = await clientAs(t, 'elder')
    const first = await elder.bookClinic(clinic.id, slot, patient)
    const second = await elder.bookClinic(clinic.id, slot, { ...patient, patientName: '王秀英', phone: '13504526688' })
    expect([first.status, second.status]).toEqual(['booked', 'waiting'])
    const { id: _id, startsAt: _s, cutoffAt: _c, bookingOpen: _b, ...draft } = clinic
    await staff.updateClinic(clinic.id, { ...draft, slots: [{ ...draft.slots[0], capacity: 2 }] })
    const moved = await elder.getBooking(second.id)
    expect([moved.status, moved.queueNumber]).toEqual(['booked', 2])
  })

  it('keeps a cancelled booking readable after staff remove its slot', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic({
      ...newClinic,
      slots: [
        { id: '', start: '09:00', end: '10:00', capacity: 5 },
        { id: '', start: '10:00', end: '11:00', capacity: 5 },
      ],
    })
    const elder = await clientAs(t, 'elder')
    const booking = await elder.bookClinic(clinic.id, clinic.slots[1].id, patient)
    await elder.cancelBooking(booking.id)
    const { id: _id, startsAt: _s, cutoffAt: _c, bookingOpen: _b, ...draft } = clinic
    await staff.updateClinic(clinic.id, { ...draft, slots: [draft.slots[0]] })
    const mine = await elder.listMyBookings()
    expect(mine.find((b) => b.id === booking.id)).toMatchObject({ status: 'cancelled', clinic: { id: clinic.id } })
    // A slot added later gets a new id: it never inherits the removed slot's bookings.
    const again = await staff.updateClinic(clinic.id, { ...draft, slots: [draft.slots[0], { id: '', start: '11:00', end: '12:00', capacity: 2 }] })
    expect(again.slots[1].id).not.toBe(clinic.slots[1].id)
    expect(again.slots[1].placesLeft).toBe(2)
  })

  it('stores text shaped like SQL as plain text and shows it back literally', async () => {
    const resident = await clientAs(t, 'resident')
    const title = "' OR '1'='1"
    const description = "1; DROP TABLE wishes; -- 0 UNION SELECT phone FROM users"
    const posted = await resident.postWish({ ...wish, title, description })
    const read = await resident.getWish(posted.id)
    expect([read.title, read.description]).toEqual([title, description])
    expect((await resident.listMyWishes()).items.length).toBeGreaterThan(1)
  })
})
