import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { copyText } from '../platform/clipboard'
import { callPhone, telHref } from '../platform/phone'
import { Action } from './Action'

interface Props {
  phone: string
  /** What the button says before the number, e.g. 拨打. */
  label?: string
  /** Who is called, for screen readers: 拨打 136…（魏志刚） */
  who?: string
  className?: string
}

/**
 * Calls a number. H5 renders a real tel: link (screen readers announce it,
 * a long press copies it); the mini-program asks WeChat to dial.
 */
export function CallButton({ phone, label = '拨打', who, className = '' }: Props) {
  const text = `${label} ${phone}`
  // The visible words come first in the spoken name, so voice control finds the button by what it shows.
  const aria = who ? `${text}（${who}）` : text
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={`btn btn--call ${className}`} href={telHref(phone)} aria-label={aria}>
        {text}
      </a>
    )
  }
  return (
    <Action className={`btn--call ${className}`} onClick={() => callPhone(phone)} label={aria}>
      {text}
    </Action>
  )
}

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies a number and says so beside the button: a toast is too small for elders. */
export function CopyButton({ phone, className = '' }: { phone: string; className?: string }) {
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state !== 'copied') return
    const timer = setTimeout(() => setState('idle'), 3000)
    return () => clearTimeout(timer)
  }, [state])
  const copy = () =>
    copyText(phone).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  return (
    <>
      <Action className={`btn--plain ${className}`} onClick={copy} label={`复制号码 ${phone}`}>
        复制号码
      </Action>
      {state !== 'idle' && (
        <View className="copied" role="status">
          {state === 'copied' ? '已复制' : `复制失败，请记下：${phone}`}
        </View>
      )}
    </>
  )
}
