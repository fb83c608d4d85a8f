import { LOCATION_TEXT, PICTURE_DATA, bytesAt, jpegWithLocation, photoFile, pngWithText } from '../support/photoFixtures'
import { WISH } from './drafts'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

const HOUR_MS = 3600 * 1000

describe.each(TARGETS)('photos as files: $name', (kind) => {
  let t: Target
  let clock: number
  beforeEach(async () => {
    clock = Date.now()
    t = await kind.start({ now: () => clock })
  })
  afterEach(() => t.close())

  it('keeps a JPEG and a PNG without their location and shows them to those who may see the wish', async () => {
    const resident = await clientAs(t, 'resident')
    const jpeg = await resident.uploadPhoto(photoFile('balcony.jpg', jpegWithLocation()))
    const png = await resident.uploadPhoto(photoFile('screenshot.png', pngWithText()))
    expect(jpeg.id).toMatch(/^ph\d+$/)

    const wish = await resident.postWish({ ...WISH, photos: [jpeg.id, png.id] })
    expect(wish.photos).toHaveLength(2)
    const [shownJpeg, shownPng] = await Promise.all(wish.photos.map(bytesAt))
    expect(shownJpeg).toMatchObject({ status: 200, type: 'image/jpeg' })
    expect(shownPng).toMatchObject({ status: 200, type: 'image/png' })
    for (const shown of [shownJpeg, shownPng]) {
      expect(shown.bytes.toString('latin1')).toContain(PICTURE_DATA)
      expect(shown.bytes.toString('latin1')).not.toContain(LOCATION_TEXT)
    }
    expect(shownJpeg.bytes.toString('latin1')).not.toContain('Exif')

    // Staff reviewing it see the photos; a volunteer of the grid does not see a wish still under review.
    const staff = await clientAs(t, 'staff')
    expect((await bytesAt((await staff.getWish(wish.id)).photos[0])).status).toBe(200)
    expect((await failureOf((await clientAs(t, 'volunteer')).getWish(wish.id))).code).toBe('NOT_FOUND')
    // The list shows how many, never the photos.
    expect((await resident.listMyWishes()).items.find((w) => w.id === wish.id)).toMatchObject({ photoCount: 2 })
  })

  it('refuses a file that is not a JPEG or PNG by its bytes, one over 2 MB, and a damaged one, beside the photo field', async () => {
    const resident = await clientAs(t, 'resident')
    const disguised = await failureOf(resident.uploadPhoto(photoFile('notes.jpg', 'GIF89a this is not a photo')))
    expect(disguised).toMatchObject({ code: 'VALIDATION', fields: { photo: '只能上传 JPG 或 PNG 格式的照片' } })
    const large = await failureOf(resident.uploadPhoto(photoFile('large.jpg', jpegWithLocation(2 * 1024 * 1024 + 1))))
    expect(large).toMatchObject({ code: 'VALIDATION', fields: { photo: '照片太大（最多 2 MB），请换一张' } })
    const damaged = await failureOf(resident.uploadPhoto(photoFile('damaged.jpg', jpegWithLocation().subarray(0, 30))))
    expect(damaged).toMatchObject({ code: 'VALIDATION', fields: { photo: '照片文件已损坏，请换一张' } })
    // Exactly 2 MB is still taken.
    await expect(resident.uploadPhoto(photoFile('edge.jpg', jpegWithLocation(2 * 1024 * 1024)))).resolves.toMatchObject({ id: expect.any(String) })
    const nobody = await failureOf((await clientAs(t, null)).uploadPhoto(photoFile('anon.jpg', jpegWithLocation())))
    expect(nobody.code).toBe('UNAUTHORIZED')
  })

  it("refuses someone else's photo, and one another wish already took, storing nothing", async () => {
    const resident = await clientAs(t, 'resident')
    const elder = await clientAs(t, 'elder')
    const mine = await resident.uploadPhoto(photoFile('mine.jpg', jpegWithLocation()))
    const before = (await elder.listMyWishes()).items.length
    const taken = await failureOf(elder.postWish({ ...WISH, phone: '13904527788', photos: [mine.id] }))
    expect(taken).toMatchObject({ code: 'VALIDATION', fields: { photos: '照片已失效或不是你上传的，请删除后重新选择' } })
    expect((await elder.listMyWishes()).items).toHaveLength(before)

    // The first wish keeps its photo even when cancelled (the limit of 3 active wishes makes room).
    await resident.cancelWish((await resident.postWish({ ...WISH, photos: [mine.id] })).id)
    const again = await failureOf(resident.postWish({ ...WISH, title: '第二个心愿', photos: [mine.id] }))
    expect(again).toMatchObject({ code: 'VALIDATION' })
    expect(again.fields.photos).toBe('照片已失效或不是你上传的，请删除后重新选择')
    expect((await resident.listMyWishes()).items.filter((w) => w.title === '第二个心愿')).toHaveLength(0)
    const bad = await failureOf(resident.postWish({ ...WISH, photos: ['data:image/jpeg;base64,AAAA'] }))
    expect(bad.fields.photos).toBe('照片格式不正确，请重新选择')
  })

  it('forgets a photo no wish took once it is a day old, with its file, and keeps the others', async () => {
    const resident = await clientAs(t, 'resident')
    const posted = await resident.uploadPhoto(photoFile('posted.jpg', jpegWithLocation()))
    const wish = await resident.postWish({ ...WISH, photos: [posted.id] })
    const stray = await resident.uploadPhoto(photoFile('stray.jpg', jpegWithLocation()))
    clock += 23 * HOUR_MS
    const young = await resident.uploadPhoto(photoFile('young.jpg', jpegWithLocation()))
    clock += 1 * HOUR_MS + 1000 // the stray one is a day and a second old, the young one an hour

    expect((await t.sweep!()).strayPhotos).toBe(1)
    expect((await t.sweep!()).strayPhotos).toBe(0)
    expect((await bytesAt((await resident.getWish(wish.id)).photos[0])).status).toBe(200)
    await resident.cancelWish(wish.id) // the resident's 3 active wishes make room for one more
    const gone = await failureOf(resident.postWish({ ...WISH, photos: [stray.id] }))
    expect(gone.fields.photos).toBe('照片已失效或不是你上传的，请删除后重新选择')
    expect((await resident.postWish({ ...WISH, photos: [young.id] })).photos).toHaveLength(1)
  })

  it('stores a retried upload once', async () => {
    const resident = await clientAs(t, 'resident')
    const file = photoFile('retry.jpg', jpegWithLocation())
    const first = await resident.uploadPhoto(file, { idempotencyKey: 'photo-retry-1' })
    const second = await resident.uploadPhoto(file, { idempotencyKey: 'photo-retry-1' })
    expect(second.id).toBe(first.id)
    const other = await failureOf(resident.uploadPhoto(photoFile('other.png', pngWithText()), { idempotencyKey: 'photo-retry-1' }))
    expect(other.code).toBe('CONFLICT')
  })

  it('erases the photos of a closed account from its wishes', async () => {
    const resident = await clientAs(t, 'resident')
    const photo = await resident.uploadPhoto(photoFile('closing.jpg', jpegWithLocation()))
    const wish = await resident.postWish({ ...WISH, photos: [photo.id] })
    await resident.closeMyAccount()
    expect((await (await clientAs(t, 'staff')).getWish(wish.id)).photos).toEqual([])
  })
})

// A server's links: signed, expiring, and gone with the account (the embedded demo's are the bytes themselves).
describe.each(TARGETS.filter((k) => k.name !== 'in-process mock'))('photo links: $name', (kind) => {
  let t: Target
  let clock: number
  beforeEach(async () => {
    clock = Date.now()
    t = await kind.start({ now: () => clock })
  })
  afterEach(() => t.close())

  it('serves a photo only through an unexpired signed link, and not once the account is closed', async () => {
    const resident = await clientAs(t, 'resident')
    const photo = await resident.uploadPhoto(photoFile('link.jpg', jpegWithLocation()))
    const wish = await resident.postWish({ ...WISH, photos: [photo.id] })
    const link = wish.photos[0]
    expect(link).toMatch(/\/photos\/ph\d+\?exp=\d+&sig=/)
    expect((await bytesAt(link)).status).toBe(200)

    const unsigned = link.replace(/\?.*$/, '')
    expect((await bytesAt(unsigned)).status).toBe(403)
    // A different first character of the signature (replacing it with a fixed one would keep a signature that starts with it).
    expect((await bytesAt(link.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`))).status).toBe(403)
    expect((await bytesAt(link.replace(/exp=\d+/, (m) => `exp=${Number(m.slice(4)) + 3600}`))).status).toBe(403)

    clock += 3 * HOUR_MS
    expect((await bytesAt(link)).status).toBe(403)
    const fresh = (await resident.getWish(wish.id)).photos[0]
    expect((await bytesAt(fresh)).status).toBe(200)

    await resident.closeMyAccount()
    expect((await bytesAt(fresh)).status).toBe(404)
  })
})
