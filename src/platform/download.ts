import { copyText } from './clipboard'

/**
 * Gives the person a text to keep: on H5 a file the browser downloads; in the
 * mini-program, which cannot save a file to the phone, the text is copied so
 * it can be pasted into a chat with oneself or a note. Says which it did.
 */
export async function keepText(fileName: string, text: string): Promise<'downloaded' | 'copied'> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    return 'downloaded'
  } else {
    await copyText(text)
    return 'copied'
  }
}
