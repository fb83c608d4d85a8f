import Taro from '@tarojs/taro'

/**
 * Asks WeChat for permission to send one subscribe message (e.g. 候补成功).
 * Must run synchronously inside the tap handler, before any await: WeChat
 * refuses the request otherwise. No-op on H5 or without a template id.
 */
export function requestSubscribeInTap(): void {
  // TARO_ENV first: on H5 the whole body is dropped at build time.
  if (process.env.TARO_ENV !== 'weapp') return
  const template = process.env.TARO_APP_SUBSCRIBE_TEMPLATE
  if (!template) return
  Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option).catch(() => {
    // Declined or unsupported: the booking goes ahead; 我的预约 still shows the news.
  })
}
