import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { api, toApiError, type PhotoRef } from '../api'
import { Picture } from './Picture'
import { Action } from './Action'
import { MAX_PHOTOS } from '../domain/wish'
import { chooseWeappPhotos, compressPickedFile } from '../platform/photos'

interface Props {
  photos: PhotoRef[]
  /** Uploads finish later: the page adds them to the draft as it is then. */
  onAdd: (photos: PhotoRef[]) => void
  onRemove: (id: string) => void
  error?: string | null
  /** How many photos it takes (a wish or a matter 3, an answer 1). */
  max?: number
  label?: string
}

/**
 * Up to three optional photos, each uploaded as soon as it is picked (a file
 * input on H5, WeChat's picker in the mini-program): the wish then carries
 * only their ids. A refused or failed upload is named here; the rest of the
 * form is untouched.
 */
export function PhotoPicker({ photos, onAdd, onRemove, error, max = MAX_PHOTOS, label = `照片（选填，最多${max}张）` }: Props) {
  const [problem, setProblem] = useState<string | null>(null)
  const [uploading, setUploading] = useState(0)
  const room = max - photos.length - uploading

  async function upload(localPaths: Promise<string[]>) {
    setProblem(null)
    let paths: string[]
    try {
      paths = (await localPaths).slice(0, room)
    } catch {
      return // the picker was closed, or a file could not be read as an image (named by the caller)
    }
    setUploading(paths.length)
    const added: PhotoRef[] = []
    for (const path of paths) {
      try {
        added.push(await api.uploadPhoto(path))
      } catch (failure) {
        const e = toApiError(failure)
        setProblem(e.fields.photo ?? (e.isOffline ? '照片没有传上去，请检查网络后重新添加' : e.message))
      }
    }
    setUploading(0)
    if (added.length) onAdd(added)
  }

  function addFiles(files: FileList | null) {
    const picked = Array.from(files ?? [])
    upload(
      Promise.all(picked.map(compressPickedFile)).catch((failure) => {
        setProblem('有照片无法读取，请换一张')
        throw failure
      }),
    )
  }

  return (
    <View className={`field ${error || problem ? 'field--error' : ''}`}>
      <Text className="field__label">{label}</Text>
      <View className="photos">
        {photos.map((photo, i) => (
          <View key={photo.id} className="photos__item">
            <Picture className="photos__img" src={photo.url} crop alt={`第${i + 1}张照片`} />
            <Action className="btn--plain btn--small" label={`删除第${i + 1}张照片`} onClick={() => onRemove(photo.id)}>
              删除
            </Action>
          </View>
        ))}
      </View>
      {uploading > 0 && (
        <View className="muted-line" role="status">
          正在上传照片…
        </View>
      )}
      {room > 0 &&
        uploading === 0 &&
        (process.env.TARO_ENV === 'h5' ? (
          <label className="btn btn--plain photos__add">
            添加照片
            <input
              className="photos__file"
              type="file"
              accept="image/jpeg,image/png,image/*"
              multiple
              onChange={(e) => {
                addFiles(e.target.files)
                e.target.value = ''
              }}
            />
          </label>
        ) : (
          <Action className="btn--plain photos__add" onClick={() => upload(chooseWeappPhotos(room))}>
            添加照片
          </Action>
        ))}
      {(error || problem) && (
        <View className="field__error" role="alert">
          {error || problem}
        </View>
      )}
    </View>
  )
}
