import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  children: ReactNode
  onClick: () => void
  className?: string
  disabled?: boolean
  /** What a screen reader says when the visible text is not enough. */
  label?: string
  /** For toggles: announced as pressed / not pressed. */
  pressed?: boolean
}

/**
 * A button. On H5 a native <button> (focusable, Enter/Space work, announced
 * as a button), which Taro's <taro-button-core> is not; WeChat's own button
 * in the mini-program.
 */
export function Action({ children, onClick, className = '', disabled, label, pressed }: Props) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button
        type="button"
        className={`btn ${className}`}
        onClick={onClick}
        disabled={disabled}
        aria-label={label}
        aria-pressed={pressed}
      >
        {children}
      </button>
    )
  }
  return (
    <Button className={`btn ${className}`} onClick={onClick} disabled={disabled} ariaLabel={label}>
      {children}
    </Button>
  )
}
