import Taro from '@tarojs/taro'

/** Photos travel as JPEG data: URLs, downsized so three fit in one request. */
const MAX_SIDE = 1024

/** H5: a picked file → a downsized JPEG data: URL, via a canvas. */
export function fileToDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const img = new Image()
    img.onload = () => {
      const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height))
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(img.width * scale)
      canvas.height = Math.round(img.height * scale)
      canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
      URL.revokeObjectURL(url)
      resolve(canvas.toDataURL('image/jpeg', 0.7))
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('not an image'))
    }
    img.src = url
  })
}

/** Mini-program: WeChat's picker (album or camera), compressed, read as data: URLs. */
export async function chooseWeappPhotos(count: number): Promise<string[]> {
  const { tempFilePaths } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const fs = Taro.getFileSystemManager()
  const photos: string[] = []
  for (const path of tempFilePaths) {
    const { tempFilePath } = await Taro.compressImage({ src: path, quality: 60 })
    photos.push(`data:image/jpeg;base64,${fs.readFileSync(tempFilePath, 'base64') as string}`)
  }
  return photos
}
