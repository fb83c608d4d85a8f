import { PreloadRouteChunks } from './preloadRouteChunks'
import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// One build per platform; OUTPUT_ROOT lets the test pipeline keep the
// embedded-mock and the real-API builds side by side.
export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV || 'h5'
  const mockDir = path.resolve(__dirname, '..', 'mock')
  // The embedded demo runs the backend core (backend/) on its memory store.
  const backendDir = path.resolve(__dirname, '..', 'backend')
  const outputRoot = process.env.OUTPUT_ROOT || `dist/${platform}`
  // Browsers that run the H5 site have ES2017, fetch and AbortController;
  // WeChat builds keep the older targets (package.json "browserslist").
  if (platform === 'h5') process.env.BROWSERSLIST_ENV = 'h5'
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
    outputRoot,
    plugins: [],
    defineConstants: {},
    // WeChat reads sitemap.json beside app.json (app.config.ts names it).
    copy: { patterns: platform === 'weapp' ? [{ from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` }] : [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      prebundle: { enable: false },
    },
    cache: { enable: false },
    // H5 targets ES2017 browsers, so terser may drop Taro's ES3-era settings
    // (quoted keys, kept function names): ~8% less JavaScript.
    terser:
      platform === 'h5'
        ? {
            enable: true,
            config: {
              ecma: 2017,
              keep_fnames: false,
              compress: { passes: 2 },
              output: { comments: false, keep_quoted_props: false, quote_keys: false },
            },
          }
        : undefined,
    mini: {
      // mock/ and backend/ sit beside src/ but ship inside the embedded-mock build.
      compile: { include: [mockDir, backendDir] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [mockDir, backendDir] },
      // Plain React components instead of Stencil web components: much less
      // JavaScript, and real DOM elements that assistive technology understands.
      useHtmlComponents: true,
      webpackChain(chain) {
        // Taro.request imports fetch and AbortController polyfills that every
        // browser of our targets has natively.
        const empty = false as unknown as string // webpack: `false` means an empty module
        chain.resolve.alias.set('whatwg-fetch', empty)
        chain.resolve.alias.set('abortcontroller-polyfill/dist/abortcontroller-polyfill-only', empty)
        // Taro.request's JSONP mode, which the app never asks for (5 KB on the first screen).
        chain.resolve.alias.set('jsonp-retry', empty)
        // WeUI's look for all Taro components (and, for the web-component
        // build we don't use, its icon font): we style our components ourselves.
        const ownSheet = path.resolve(__dirname, '..', 'src', 'styles', 'h5-components.css')
        chain.resolve.alias.set('@tarojs/components-react/dist/index.css', ownSheet)
        chain.resolve.alias.set('@tarojs/components/dist/taro-components/taro-components.css', ownSheet)
        chain.plugin('preloadRouteChunks').use(PreloadRouteChunks)
      },
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
