/* The real server's own tests (tests/server): WeChat sign-in against a fake,
 * demo doors, HTTP edges, logs, migrations, the CLI, and the races of two
 * server processes on one PostgreSQL. Needs PG_TEST_URL (npm test starts a
 * throwaway PostgreSQL) and the compiled server (npx tsc -p server/tsconfig.json). */
const path = require('path')

module.exports = {
  rootDir: path.join(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': ['babel-jest', require('./babel.jest')] },
  testTimeout: 60000,
  // The race tests start server processes of their own: one file at a time.
  maxWorkers: 1,
}
