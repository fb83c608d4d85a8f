/* The app's subscribe request (src/platform/subscribe.ts): asked at once in the
 * tap, only on WeChat, only for configured templates, and only the accepted
 * ones reported to the server. */
import Taro from '@tarojs/taro'
import { requestSubscribeInTap } from '../../src/platform/subscribe'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))
const mockRequestSubscribeMessage = Taro.requestSubscribeMessage as unknown as jest.Mock

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  mockRequestSubscribeMessage.mockReset()
})

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('asking for subscribe messages in a tap', () => {
  it('asks synchronously for the booking and reminder templates, and reports only those accepted', async () => {
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_SUBSCRIBE_BOOKING = 'tmplBooking'
    process.env.TARO_APP_SUBSCRIBE_REMINDER = 'tmplReminder'
    mockRequestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', tmplBooking: 'accept', tmplReminder: 'reject' })
    const report = jest.fn().mockResolvedValue({})
    requestSubscribeInTap('booking', report)
    // Already asked when the tap handler goes on to its first await.
    expect(mockRequestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmplBooking', 'tmplReminder'] }))
    await flush()
    expect(report).toHaveBeenCalledWith(['tmplBooking'])
  })

  it('reports nothing when every template is declined, and asks nothing without templates or on H5', async () => {
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_SUBSCRIBE_WISH = 'tmplWish'
    mockRequestSubscribeMessage.mockResolvedValue({ tmplWish: 'reject' })
    const report = jest.fn()
    requestSubscribeInTap('wish', report)
    await flush()
    expect(report).not.toHaveBeenCalled()
    process.env.TARO_APP_SUBSCRIBE_APPLICATION = ''
    requestSubscribeInTap('application', report)
    expect(mockRequestSubscribeMessage).toHaveBeenCalledTimes(1)
    process.env.TARO_ENV = 'h5'
    requestSubscribeInTap('wish', report)
    expect(mockRequestSubscribeMessage).toHaveBeenCalledTimes(1)
  })
})
