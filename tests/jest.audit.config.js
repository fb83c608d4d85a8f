/* Audits of the production H5 build in headless Chromium (see tests/audit):
 * axe-core and the 长辈模式 DOM measurements on every page, per role.
 *   npx jest -c tests/jest.audit.config.js
 * E2E_DIST (default dist/h5) names the build. */
const path = require('path')

module.exports = {
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/audit/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': ['babel-jest', require('./babel.jest')] },
  maxWorkers: 1,
  testTimeout: 300000,
}
