import { Action } from './Action'
import { callPhone, copyPhone, telHref } from '../platform/phone'

interface Props {
  phone: string
  /** What the button says before the number, e.g. 拨打. */
  label?: string
  /** Who is called, for screen readers: 拨打 魏志刚 … */
  who?: string
  className?: string
}

/**
 * Calls a number. H5 renders a real tel: link (screen readers announce it,
 * a long press copies it); the mini-program asks WeChat to dial.
 */
export function CallButton({ phone, label = '拨打', who, className = '' }: Props) {
  const text = `${label} ${phone}`
  const aria = who ? `${label}${who}，${phone}` : text
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={`btn--call ${className}`} href={telHref(phone)} aria-label={aria}>
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

export function CopyButton({ phone, className = '' }: { phone: string; className?: string }) {
  return (
    <Action className={`btn--plain ${className}`} onClick={() => copyPhone(phone)} label={`复制号码 ${phone}`}>
      复制号码
    </Action>
  )
}
