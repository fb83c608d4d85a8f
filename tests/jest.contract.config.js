/* The contract suite: every test runs against each API implementation
 * (in-process mock, http client → mock HTTP server, or CONTRACT_BASE_URL). */
const path = require('path')

module.exports = {
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/contract/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': ['babel-jest', require('./babel.jest')] },
  moduleNameMapper: {
    // The http transport imports Taro only for its default request function.
    '^@tarojs/taro$': '<rootDir>/tests/support/taroStub.ts',
  },
}
