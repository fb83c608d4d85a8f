import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import type { TabPath } from '../platform/navigation'
import { useSession } from '../stores/session'
import { ConsentSheet } from './ConsentSheet'
import { useElderModeOffer } from './useElderModeOffer'
import { WebHeader } from './WebHeader'
import { WebTabBar } from './WebTabBar'

interface Props {
  children: ReactNode
  className?: string
  /** Tab pages name themselves so H5 can draw its bottom navigation. */
  tab?: TabPath
  /** False on the policies themselves, which the consent sheet links to. */
  askConsent?: boolean
}

/**
 * The root of every page: owns 长辈模式. Every size in the stylesheets is
 * multiplied by --scale, which this class raises, so no page styles twice.
 */
export function PageRoot({ children, className = '', tab, askConsent = true }: Props) {
  const elderMode = useSession((s) => s.elderMode)
  useElderModeOffer()
  useEffect(() => {
    // On H5, dialogs live outside the page: let them scale too.
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder', elderMode)
  }, [elderMode])
  const webTabs = process.env.TARO_ENV === 'h5' && tab
  // H5 pages inside a capability get the bar WeChat would draw: a way back.
  const webHeader = process.env.TARO_ENV === 'h5' && !tab
  return (
    <View className={`page ${elderMode ? 'page--elder' : ''} ${webTabs ? 'page--tabbed' : ''} ${className}`}>
      {webHeader && <WebHeader />}
      {children}
      {webTabs && <WebTabBar current={tab} />}
      {askConsent && <ConsentSheet />}
    </View>
  )
}
