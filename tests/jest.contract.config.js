/* The contract suite: every test runs against each API implementation
 * (in-process mock, http client → mock HTTP server, or CONTRACT_BASE_URL). */
const path = require('path')

module.exports = {
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  // An upper bound, not a target: a target's first start (PGlite's WASM, the migrations)
  // takes seconds on a busy 2-core machine, where Jest's 5 s made hooks fail.
  testTimeout: 20000,
  // A target still starting when its hook gave up would hold the run open for ever.
  forceExit: true,
  testMatch: ['<rootDir>/tests/contract/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': ['babel-jest', require('./babel.jest')] },
  moduleNameMapper: {
    // The http transport imports Taro only for its default request function.
    '^@tarojs/taro$': '<rootDir>/tests/support/taroStub.ts',
  },
}
