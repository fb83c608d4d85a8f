import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// One build per platform; OUTPUT_ROOT lets the test pipeline keep the
// embedded-mock and the real-API builds side by side.
export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV || 'h5'
  const mockDir = path.resolve(__dirname, '..', 'mock')
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dongan-community',
    date: '2026-11-25',
    designWidth: 375,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: process.env.OUTPUT_ROOT || `dist/${platform}`,
    plugins: [],
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@mock': path.resolve(__dirname, '..', 'mock'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      prebundle: { enable: false },
    },
    cache: { enable: false },
    mini: {
      // mock/ sits beside src/ but ships inside the embedded-mock build.
      compile: { include: [mockDir] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [mockDir] },
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: { port: 10086, host: '127.0.0.1' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
