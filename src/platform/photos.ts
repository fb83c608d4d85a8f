import Taro from '@tarojs/taro'

/** Photos are downsized before upload: well under the server's 2 MB, still clear on a phone. */
const MAX_SIDE = 1280

/** H5: a picked file → a downsized JPEG (which also leaves its EXIF behind), as a blob: URL to upload. */
export function compressPickedFile(file: File): Promise<string> {
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
      canvas.toBlob((blob) => (blob ? resolve(URL.createObjectURL(blob)) : reject(new Error('not encoded'))), 'image/jpeg', 0.75)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('not an image'))
    }
    img.src = url
  })
}

/** Mini-program: WeChat's picker (album or camera), each photo compressed; their temporary file paths. */
export async function chooseWeappPhotos(count: number): Promise<string[]> {
  const { tempFilePaths } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const paths: string[] = []
  for (const path of tempFilePaths) paths.push((await Taro.compressImage({ src: path, quality: 70 })).tempFilePath)
  return paths
}
