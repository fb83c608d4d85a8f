// Jest config for the weapp harness tests (tests/weapp/*.test.js).
//
// These tests load the *production* mini-program build (dist/weapp or the folder
// named by WEAPP_DIST) into miniprogram-simulate, WeChat's own component test
// tool. Run: `WEAPP_DIST=dist/weapp npx jest -c tests/jest.weapp.config.js`.
module.exports = {
  rootDir: '..',
  // miniprogram-simulate renders through exparser into a DOM and builds its
  // tap/touch events from window.CustomEvent / TouchEvent, so it needs jsdom.
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.js'],
  // Plain CommonJS tests; the built dist/ files are executed by the harness
  // itself, never through Jest's transformer. An empty transform also keeps
  // the project's babel.config.js (babel-preset-taro) out of the way.
  transform: {},
  // A page boots the whole Taro runtime and React; leave room on a busy 2-core
  // machine, but fail rather than hang.
  testTimeout: 30000,
}
