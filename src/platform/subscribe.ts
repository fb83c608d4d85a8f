import Taro from '@tarojs/taro'

/** What a tap is about: each asks for the templates of the events that may follow it. */
export type SubscribeTopic = 'booking' | 'wish' | 'application'

/**
 * Asks WeChat for permission to send the subscribe messages that may follow
 * this tap (booking or 候补: 候补成功, changes and the reminders; posting a
 * wish: its progress; applying: the result), then hands the accepted template
 * ids to `report` (api.recordSubscriptions), so the server may send one
 * message per accept. Must run synchronously inside the tap handler, before
 * any await: WeChat refuses the request otherwise. Never on page load.
 * No-op on H5 or without template ids (TARO_APP_SUBSCRIBE_*).
 */
export function requestSubscribeInTap(topic: SubscribeTopic, report: (accepted: string[]) => Promise<unknown>): void {
  // An explicit weapp block: the H5 build drops all of it.
  if (process.env.TARO_ENV === 'weapp') {
    // Each variable spelled out: the build replaces only literal process.env.TARO_APP_* reads.
    const templates: Record<SubscribeTopic, (string | undefined)[]> = {
      booking: [process.env.TARO_APP_SUBSCRIBE_BOOKING, process.env.TARO_APP_SUBSCRIBE_REMINDER],
      wish: [process.env.TARO_APP_SUBSCRIBE_WISH],
      application: [process.env.TARO_APP_SUBSCRIBE_APPLICATION],
    }
    const tmplIds = templates[topic].filter((id): id is string => !!id)
    if (tmplIds.length === 0) return
    Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
      .then((answer) => {
        const accepted = tmplIds.filter((id) => (answer as unknown as Record<string, string>)[id] === 'accept')
        // Not recorded (offline): that accept is lost, the news still reaches 消息.
        if (accepted.length) report(accepted).catch(() => undefined)
      })
      .catch(() => {
        // Declined or unsupported: the booking, wish or application goes ahead; 消息 still tells.
      })
  }
}
