import { ApiError } from '../../src/api/errors'
import type { PhotoRef } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import type { WishView } from '../../src/domain/wish'
import { checkPhoto } from '../photoBytes'
import { FileAnswer, type Route, type RouteContext } from '../router'

/** What the viewer's page loads for each photo of a wish it may see: a link only they were handed. */
export async function withPhotoLinks<T extends WishView | null>(ctx: RouteContext, view: T): Promise<T> {
  if (!view || view.photos.length === 0) return view
  return { ...view, photos: await Promise.all(view.photos.map((id) => ctx.photoLinks.urlFor(id, ctx.now))) }
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
      await ctx.repo.insertPhoto({ id, ownerId: ctx.user!.id, wishId: null, type: check.type, size: check.bytes.length, createdAt: toChinaIso(ctx.now) })
      return { id, url: await ctx.photoLinks.urlFor(id, ctx.now) }
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
      const bytes = photo && (await ctx.photoFiles.get(id))
      if (!photo || !bytes) throw new ApiError('NOT_FOUND', '照片已删除')
      return new FileAnswer(photo.type, bytes)
    },
  },
]
