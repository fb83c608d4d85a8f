import type { MatterDraft } from '../../src/api/types'
import { bytesAt, jpegWithLocation, photoFile } from '../support/photoFixtures'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

const BENCH: MatterDraft = { kind: '设施损坏', text: '3栋门口的长椅坏了，老人没处坐', building: '友谊路9号3栋', unit: '2单元', public: true }

describe.each(TARGETS)('matter photos: $name', (kind) => {
  let t: Target
  let clock: number
  beforeEach(async () => {
    clock = Date.now()
    t = await kind.start({ now: () => clock })
  })
  afterEach(() => t.close())

  it('takes up to 3 photos with a matter and one with the answer, shown to whoever may see the matter', async () => {
    const resident = await clientAs(t, 'resident')
    const ids = []
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg']) ids.push((await resident.uploadPhoto(photoFile(name, jpegWithLocation()))).id)
    const four = await failureOf(resident.raiseMatter({ ...BENCH, photos: ids }))
    expect([four.code, four.fields]).toEqual(['VALIDATION', { photos: '最多上传3张照片' }])
    const matter = await resident.raiseMatter({ ...BENCH, photos: ids.slice(0, 3) })
    expect(matter.photos).toHaveLength(3)
    expect((await bytesAt(matter.photos![0])).status).toBe(200)

    const worker = await clientAs(t, 'volunteer')
    await worker.acceptMatter(matter.id)
    const fixed = await worker.uploadPhoto(photoFile('fixed.jpg', jpegWithLocation()))
    const answered = await worker.answerMatter(matter.id, { text: '长椅已换新', photo: fixed.id })
    expect((await bytesAt(answered.replyPhoto!)).status).toBe(200)

    // A neighbour of the grid sees the public matter's photos; another grid's resident sees nothing.
    const neighbour = await (await clientAs(t, 'elder')).getMatter(matter.id)
    expect(neighbour.photos).toHaveLength(3)
    expect((await bytesAt(neighbour.replyPhoto!)).status).toBe(200)
    const listed = (await resident.listMyMatters()).items.find((m) => m.id === matter.id)!
    expect((await bytesAt(listed.photos![1])).status).toBe(200)
  })

  it("refuses someone else's photo and one already taken, storing nothing; a retried raise stores once", async () => {
    const resident = await clientAs(t, 'resident')
    const elder = await clientAs(t, 'elder')
    const mine = await resident.uploadPhoto(photoFile('mine.jpg', jpegWithLocation()))
    const notYours = await failureOf(elder.raiseMatter({ ...BENCH, photos: [mine.id] }))
    expect([notYours.code, notYours.fields]).toEqual(['VALIDATION', { photos: '照片已失效或不是你上传的，请删除后重新选择' }])
    expect((await elder.listMyMatters()).items).toEqual([])

    const first = await resident.raiseMatter({ ...BENCH, photos: [mine.id] }, { idempotencyKey: 'photo-matter-1' })
    const again = await resident.raiseMatter({ ...BENCH, photos: [mine.id] }, { idempotencyKey: 'photo-matter-1' })
    expect(again.id).toBe(first.id)
    expect((await resident.listMyMatters()).items).toHaveLength(1)

    const taken = await failureOf(resident.raiseMatter({ ...BENCH, photos: [mine.id] }))
    expect(taken.fields).toEqual({ photos: '照片已失效或不是你上传的，请删除后重新选择' })
    expect((await resident.listMyMatters()).items).toHaveLength(1)

    // The answer's photo follows the same rule: the worker cannot hand over the resident's upload.
    const worker = await clientAs(t, 'volunteer')
    await worker.acceptMatter(first.id)
    const other = await resident.uploadPhoto(photoFile('other.jpg', jpegWithLocation()))
    const refused = await failureOf(worker.answerMatter(first.id, { text: '修好了', photo: other.id }))
    expect([refused.code, refused.fields]).toEqual(['VALIDATION', { photo: '照片已失效或不是你上传的，请删除后重新选择' }])
    expect((await resident.getMatter(first.id)).status).toBe('accepted')
    const bad = await failureOf(worker.answerMatter(first.id, { text: '修好了', photo: 'x1' }))
    expect(bad.fields).toEqual({ photo: '照片格式不正确，请重新选择' })
  })
})
