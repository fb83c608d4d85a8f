/* Domain unit tests and mock backend tests: pure TypeScript in Node. Run under
 * several TZ values by the test command, to prove China time never depends on it. */
const path = require('path')

module.exports = {
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': ['babel-jest', require('./babel.jest')] },
}
