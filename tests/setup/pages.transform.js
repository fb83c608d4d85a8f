// Jest transformer for the page-component tests (tests/jest.pages.config.js).
//
// Why not the transformer shipped with @tarojs/test-utils-react 0.1.1?
// It runs babel-preset-taro + preset-env + preset-react + preset-typescript on
// every file, node_modules included, and babel-jest still merges the repo's
// babel.config.js on top, so each file goes through the presets twice: the
// first (uncached) run of the smoke test took ~20 s, against ~11 s here.
// Here:
// - project code (src/, mock/, tests/) goes through the repo's own
//   babel.config.js (babel-preset-taro). Under Jest NODE_ENV is 'test', so the
//   preset emits CommonJS for the current Node and skips react-refresh
//   (TARO_PLATFORM is only set inside the test sandbox, not in this process).
// - dependencies only need their ES modules turned into CommonJS (@tarojs/*,
//   swiper's .mjs, lodash-es ... ship ESM only), so they get that one plugin.
//   'unambiguous' leaves plain CommonJS files as scripts (no "use strict").
// - @tarojs/test-utils-react's stand-in for @tarojs/taro must go through
//   Taro's api-loader, which grafts useLoad/useDidShow/... onto the Taro object,
//   exactly as the shipped transformer (and the real H5 build) does.
const path = require('path')
const babelJest = require('babel-jest').default
const apiLoader = require('@tarojs/plugin-framework-react/dist/api-loader.js')

const rootDir = path.resolve(__dirname, '..', '..')
const modulesToCommonjs = require.resolve('@babel/plugin-transform-modules-commonjs', {
  paths: [path.dirname(require.resolve('@babel/preset-env/package.json'))],
})

const projectTransformer = babelJest.createTransformer({
  cwd: rootDir,
  configFile: path.join(rootDir, 'babel.config.js'),
  babelrc: false,
})

const dependencyTransformer = babelJest.createTransformer({
  cwd: rootDir,
  configFile: false,
  babelrc: false,
  sourceType: 'unambiguous',
  plugins: [modulesToCommonjs],
})

const TARO_STAND_IN = path.join('test-utils-react', 'dist', 'jest', 'runtime', 'taro-h5.js')

function pick(filename) {
  return filename.includes(`${path.sep}node_modules${path.sep}`) ? dependencyTransformer : projectTransformer
}

function prepare(source, filename) {
  return filename.endsWith(TARO_STAND_IN) ? apiLoader(source) : source
}

module.exports = {
  canInstrument: true,
  getCacheKey(source, filename, options) {
    return pick(filename).getCacheKey(prepare(source, filename), filename, options)
  },
  process(source, filename, options) {
    return pick(filename).process(prepare(source, filename), filename, options)
  },
}
