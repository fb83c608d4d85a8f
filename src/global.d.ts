/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
    /** Base URL of a real backend; empty means the embedded mock backend. */
    TARO_APP_API_BASE?: string
    /** Simulated latency of the embedded mock backend in ms. */
    TARO_APP_MOCK_LATENCY?: string
    /** WeChat subscribe-message templates (the server's SUBSCRIBE_TEMPLATE_*); empty: don't ask. */
    TARO_APP_SUBSCRIBE_BOOKING?: string
    TARO_APP_SUBSCRIBE_REMINDER?: string
    TARO_APP_SUBSCRIBE_WISH?: string
    TARO_APP_SUBSCRIBE_APPLICATION?: string
  }
}
