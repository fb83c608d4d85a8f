import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Picture } from '../../components/Picture'
import { Action } from '../../components/Action'
import { MAX_PHOTOS } from '../../domain/wish'
import { chooseWeappPhotos, fileToDataUrl } from '../../platform/photos'

interface Props {
  photos: string[]
  onChange: (photos: string[]) => void
  error?: string | null
}

/** Up to three optional photos: a file input on H5, WeChat's picker in the mini-program. */
export function PhotoPicker({ photos, onChange, error }: Props) {
  const [problem, setProblem] = useState<string | null>(null)
  const room = MAX_PHOTOS - photos.length

  async function addFiles(files: FileList | null) {
    setProblem(null)
    const picked = Array.from(files ?? []).slice(0, room)
    try {
      onChange([...photos, ...(await Promise.all(picked.map(fileToDataUrl)))])
    } catch {
      setProblem('有照片无法读取，请换一张')
    }
  }

  async function chooseInWeapp() {
    setProblem(null)
    try {
      onChange([...photos, ...(await chooseWeappPhotos(room))])
    } catch {
      // The user closed the picker.
    }
  }

  return (
    <View className={`field ${error || problem ? 'field--error' : ''}`}>
      <Text className="field__label">照片（选填，最多{MAX_PHOTOS}张）</Text>
      <View className="photos">
        {photos.map((photo, i) => (
          <View key={i} className="photos__item">
            <Picture className="photos__img" src={photo} crop alt={`第${i + 1}张照片`} />
            <Action className="btn--plain btn--small" label={`删除第${i + 1}张照片`} onClick={() => onChange(photos.filter((_, j) => j !== i))}>
              删除
            </Action>
          </View>
        ))}
      </View>
      {room > 0 &&
        (process.env.TARO_ENV === 'h5' ? (
          <label className="btn btn--plain photos__add">
            添加照片
            <input
              className="photos__file"
              type="file"
              accept="image/*"
              multiple
              onChange={(e) => {
                addFiles(e.target.files)
                e.target.value = ''
              }}
            />
          </label>
        ) : (
          <Action className="btn--plain photos__add" onClick={chooseInWeapp}>
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
