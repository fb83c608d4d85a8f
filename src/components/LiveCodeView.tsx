import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import type { LiveCode } from '../api'
import { inChina } from '../domain/chinaTime'
import { qrPngDataUrl } from '../domain/qr'
import { Picture } from './Picture'

interface Props {
  live: { code: LiveCode | null; problem: string | null }
  /** What the code is, for the QR's text alternative, e.g. 签到码. */
  name: string
  /** The class of the large digits (their size differs by page). */
  digitsClassName: string
}

/**
 * A code that changes every 30 seconds, as a QR to scan (carrying its payload)
 * and as large digits to type, with when it changes.
 */
export function LiveCodeView({ live, name, digitsClassName }: Props) {
  const payload = live.code?.payload
  const qr = useMemo(() => (payload ? qrPngDataUrl(payload) : null), [payload])
  if (!live.code) return <Text>{live.problem ?? `正在获取${name}…`}</Text>
  return (
    <>
      {qr && <Picture className="live-qr" src={qr} alt={`${name}二维码，数字 ${live.code.code}`} />}
      <View className={digitsClassName} aria-live="polite">
        {live.code.code}
      </View>
      <Text className="muted center">{inChina(live.code.expiresAt).format('HH:mm:ss')} 更换，截图无效</Text>
    </>
  )
}
