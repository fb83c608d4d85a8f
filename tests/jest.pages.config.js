// Jest config for page-component tests: tests/pages/**/*.test.tsx, rendered in
// jsdom with the H5 (web) build of Taro through @tarojs/test-utils-react 0.1.1.
// Run: npx jest -c tests/jest.pages.config.js
//
// Why it does not simply call the package's defineJestConfig():
// - That config transforms all of node_modules (transformIgnorePatterns: []),
//   Jest's own runner and Babel included (ENGINEERING.md fix 1: reported to
//   break the run). Jest, Babel and React are plain CommonJS, so they are
//   skipped; that also halves the first, uncached run. Everything else still
//   goes through the transformer: most @tarojs/* packages (and some of their
//   dependencies, e.g. lodash-es) ship ES modules only.
// - swiper (pulled in by @tarojs/components) ships .mjs files, so .mjs must be
//   transformed and resolvable too, or the suite fails to parse (fix 2).
// - Its transformer is replaced by a faster one (see setup/pages.transform.js):
//   the first, uncached run of the smoke test takes ~11 s instead of ~20 s;
//   ~2.5 s once Jest's transform cache is warm.
// - Fixes 3 and 4 live in setup/pages.setup.ts; page hooks are fired by
//   setup/mount-page.ts.
// Other choices:
// - @tarojs/taro points at the package's stand-in, which re-exports the H5 API
//   (@tarojs/taro-h5, storage on localStorage) plus the React page hooks, and
//   @tarojs/components at its React build (Taro's <taro-*-core> elements).
// - react-dom/test-utils is swapped for a shim whose act() is React.act: the
//   package's act-compat still imports the old one, which React 18.3 flags as
//   deprecated on every mount.
// - Styles and images are stubbed; Jest cannot load .scss or .png.
// - The globals are the compile-time flags the Taro runtime expects the build
//   to define (same values as the package's own config).
const path = require('path')

const rootDir = path.resolve(__dirname, '..')

// Also set here (not only in setup/pages.env.ts) so the worker processes and the
// transformer see the same values as the code under test.
process.env.TARO_ENV = 'h5'
process.env.TARO_APP_API_BASE = ''

const testUtilsDir = path.dirname(require.resolve('@tarojs/test-utils-react/package.json'))

module.exports = {
  rootDir,
  displayName: 'pages',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: {
    url: 'http://localhost/',
    // Same as the package's own config: resolve package "exports" the Node way.
    customExportConditions: ['node', 'node-addons'],
  },
  roots: ['<rootDir>/tests/pages', '<rootDir>/src', '<rootDir>/mock'],
  testMatch: ['<rootDir>/tests/pages/**/*.test.tsx'],
  setupFiles: ['<rootDir>/tests/setup/pages.env.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/setup/pages.setup.ts'],
  transform: {
    '^.+\\.(mjs|cjs|js|jsx|ts|tsx)$': '<rootDir>/tests/setup/pages.transform.js',
  },
  transformIgnorePatterns: [
    '/node_modules/(jest-[^/]+|@jest|babel-jest|@babel|react|react-dom|react-is|scheduler)/',
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': path.join(testUtilsDir, 'dist/jest/runtime/taro-h5.js'),
    '^@tarojs/components$': '@tarojs/components/lib/react/index',
    '^react-dom/test-utils$': '<rootDir>/tests/setup/react-dom-test-utils.js',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/setup/style-stub.js',
    '\\.(png|jpe?g|gif|svg|webp)$': '<rootDir>/tests/setup/file-stub.js',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    __TARO_FRAMEWORK__: 'react',
  },
}
