import { ApiError } from '../../src/api/errors'
import type { PhotoRef } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import type { MatterView } from '../../src/domain/matters'
import type { WishView } from '../../src/domain/wish'
import { checkPhoto } from '../photoBytes'
import type { PhotoRecord } from '../records'
import { FileAnswer, type Route, type RouteContext } from '../router'

/** What the viewer's page loads for each photo of a wish it may see: a link only they were handed. */
export async function withPhotoLinks<T extends WishView | null>(ctx: RouteContext, view: T): Promise<T> {
  if (!view || view.photos.length === 0) return view
  return { ...view, photos: await Promise.all(view.photos.map((id) => ctx.photoLinks.urlFor(id, ctx.now))) }
}

/** The same for a matter: its photos and the answer's photo become links for this viewer. */
export async function withMatterPhotoLinks<T extends MatterView | null>(ctx: RouteContext, view: T): Promise<T> {
  if (!view || (!view.photos?.length && !view.replyPhoto)) return view
  const link = (id: string) => ctx.photoLinks.urlFor(id, ctx.now)
  return { ...view, photos: await Promise.all((view.photos ?? []).map(link)), replyPhoto: view.replyPhoto ? await link(view.replyPhoto) : null }
}

/**
 * Gives a matter the caller's free uploads; refuses the write (which undoes
 * it) when one is someone else's, already taken, or found unfit by WeChat.
 */
export async function attachMatterPhotos(ctx: RouteContext, ids: string[], matterId: string, field: string): Promise<void> {
  if (ids.length === 0) return
  if (!(await ctx.repo.attachPhotos(ids, ctx.user!.id, matterId))) {
    const message = '照片已失效或不是你上传的，请删除后重新选择'
    throw new ApiError('VALIDATION', message, { [field]: message })
  }
  for (const id of ids) {
    if ((await ctx.repo.getPhoto(id))?.verdict === 'risky') throw new ApiError('CONTENT_REFUSED', PHOTO_REFUSED, { [field]: PHOTO_REFUSED })
  }
}

/** The words beside the photos of a wish whose photo WeChat found unfit to publish. */
export const PHOTO_REFUSED = '有照片含有不适宜发布的内容，请删除后换一张'

const text = (value: string) => new FileAnswer('text/plain; charset=utf-8', new TextEncoder().encode(value))

/** WeChat's message push is ours only if its signature says so. */
function assertFromWechat(ctx: RouteContext): void {
  if (!ctx.contentCheck.pushIsFromWechat?.(ctx.query)) throw new ApiError('FORBIDDEN', '消息推送签名不正确')
}

/**
 * Photos travel as files: uploaded one at a time before the wish that takes
 * them is posted, checked by their bytes and cleaned of location metadata,
 * and read back only through a signed link given to those who may see the wish.
 */
export const photoRoutes: Route[] = [
  {
    method: 'POST',
    path: '/photos',
    access: 'user',
    handler: async (ctx): Promise<PhotoRef> => {
      const check = checkPhoto(ctx.file ?? undefined)
      if (!check.ok) throw new ApiError('VALIDATION', check.message, { photo: check.message })
      const id = await ctx.repo.newId('ph')
      // Bytes first: a row never points at a file that is not there. A file whose row
      // was rolled back is never linked to anyone.
      await ctx.photoFiles.put(id, check.bytes)
      const url = await ctx.photoLinks.urlFor(id, ctx.now)
      // WeChat fetches the photo from its queue, seconds later: this transaction has committed by then.
      const trace = (await ctx.contentCheck.startPhotoCheck?.(url, ctx.user!.openid ?? null)) ?? null
      const photo: PhotoRecord = {
        id,
        ownerId: ctx.user!.id,
        wishId: null,
        type: check.type,
        size: check.bytes.length,
        createdAt: toChinaIso(ctx.now),
        verdict: trace ? 'checking' : 'unchecked',
        checkTrace: trace,
      }
      await ctx.repo.insertPhoto(photo)
      return { id, url }
    },
  },
  {
    method: 'GET',
    path: '/photos/:id',
    // An image request carries no bearer token: the link's signature is the permission.
    access: 'public',
    handler: async (ctx) => {
      const { id } = ctx.params
      if (!ctx.photoLinks.allows(id, ctx.query, ctx.now)) throw new ApiError('FORBIDDEN', '照片链接无效或已过期，请重新打开心愿')
      const photo = await ctx.repo.getPhoto(id)
      const bytes = photo && photo.verdict !== 'risky' && (await ctx.photoFiles.get(id))
      if (!photo || !bytes) throw new ApiError('NOT_FOUND', '照片已删除')
      return new FileAnswer(photo.type, bytes)
    },
  },
  {
    // WeChat checks the push URL once, when it is configured in its console.
    method: 'GET',
    path: '/wechat/media-check',
    access: 'public',
    handler: async (ctx) => {
      assertFromWechat(ctx)
      return text(ctx.query.echostr ?? '')
    },
  },
  {
    // mediaCheckAsync's verdict: a risky photo is taken off its wish and deleted.
    method: 'POST',
    path: '/wechat/media-check',
    access: 'public',
    withoutKey: true,
    handler: async (ctx) => {
      assertFromWechat(ctx)
      const trace = typeof ctx.body.trace_id === 'string' ? ctx.body.trace_id : ''
      const suggest = (ctx.body.result as { suggest?: string } | undefined)?.suggest
      const photo = trace && ctx.body.Event === 'wxa_media_check' ? await ctx.repo.findPhotoByCheckTrace(trace) : null
      // Unknown or repeated pushes are answered as WeChat asks, and change nothing.
      if (!photo || photo.verdict !== 'checking' || !suggest) return text('success')
      // "review" (WeChat unsure) passes here: staff review every wish before anyone else sees it.
      const verdict = suggest === 'risky' ? 'risky' : 'pass'
      await ctx.repo.updatePhoto({ ...photo, verdict })
      if (verdict === 'risky') {
        const wish = photo.wishId ? await ctx.repo.getWish(photo.wishId, { forUpdate: true }) : null
        if (wish) await ctx.repo.updateWish({ ...wish, photos: wish.photos.filter((p) => p !== photo.id) })
        // A matter's photos are taken the same way (its id in the same column).
        const matter = photo.wishId ? await ctx.repo.getMatter(photo.wishId, { forUpdate: true }) : null
        if (matter) {
          await ctx.repo.updateMatter({ ...matter, photos: (matter.photos ?? []).filter((p) => p !== photo.id), replyPhoto: matter.replyPhoto === photo.id ? null : matter.replyPhoto ?? null })
        }
        ctx.afterCommit(() => ctx.photoFiles.remove(photo.id))
      }
      return text('success')
    },
  },
]
