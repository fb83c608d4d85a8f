import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { useSession } from '../stores/session'

/**
 * The root of every page: owns 长辈模式. Every size in the stylesheets is
 * multiplied by --scale, which this class raises, so no page styles twice.
 */
export function PageRoot({ children, className = '' }: { children: ReactNode; className?: string }) {
  const elderMode = useSession((s) => s.elderMode)
  useEffect(() => {
    // On H5 the tab bar and dialogs live outside the page: scale them too.
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder', elderMode)
  }, [elderMode])
  return <View className={`page ${elderMode ? 'page--elder' : ''} ${className}`}>{children}</View>
}
