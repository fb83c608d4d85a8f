/* End-to-end tests: headless Chromium (playwright-core, /usr/bin/chromium) on
 * the production H5 builds. Build first (see tests/e2e/browser.ts), then:
 *   npx jest -c tests/jest.e2e.config.js
 * E2E_DIST (default dist/h5) and E2E_API_DIST (default dist/h5-api) name the builds. */
const path = require('path')

module.exports = {
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': ['babel-jest', require('./babel.jest')] },
  // One Chromium at a time on a 2-core machine.
  maxWorkers: 1,
  testTimeout: 30000,
}
