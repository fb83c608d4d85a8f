import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  // The dev server serves from memory at the root; './' only suits static hosting.
  h5: { publicPath: '/' },
} satisfies UserConfigExport<'webpack5'>
