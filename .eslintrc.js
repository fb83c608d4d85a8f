// eslint-config-taro with its React + TypeScript rules; tests and scripts run in Node.
// The layers are kept by lint (no-restricted-imports per folder), not by habit.
const CAPABILITIES = ['wish', 'clinic', 'jobs', 'staff', 'inbox', 'legal']
const folder = (name) => [`**/${name}/**`]
const servers = ['**/mock', '**/mock/**', '**/backend/**', '**/server/**']
const ui = ['@tarojs/*', 'react', 'react-dom', 'zustand']

/** A no-restricted-imports rule: these import paths are refused, with why. */
const refuse = (groups, message) => ['error', { patterns: [{ group: groups, message }] }]

module.exports = {
  root: true,
  extends: ['taro/react'],
  parser: '@typescript-eslint/parser',
  plugins: ['@typescript-eslint'],
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'no-unused-vars': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'import/no-commonjs': 'off',
    'jsx-quotes': ['error', 'prefer-double'],
  },
  overrides: [
    {
      files: ['tests/**', 'src/assets/*.js', '.eslintrc.js', 'babel.config.js'],
      env: { node: true, jest: true },
    },
    {
      // Pure rules: plain TypeScript and dayjs, nothing of the app, Taro or React.
      files: ['src/domain/**'],
      rules: {
        'no-restricted-imports': refuse(
          [...['api', 'components', 'stores', 'pages', 'platform', ...CAPABILITIES].flatMap(folder), '**/api', ...servers, ...ui],
          'src/domain holds pure rules: it imports only other domain modules and dayjs.',
        ),
      },
    },
    {
      files: ['src/components/**', 'src/stores/**', 'src/platform/**'],
      rules: {
        'no-restricted-imports': refuse([...['pages', ...CAPABILITIES].flatMap(folder), ...servers], 'Shared code imports no capability or page, and never the backend: only src/api/index.ts picks it.'),
      },
    },
    ...CAPABILITIES.map((capability) => ({
      // A capability (a WeChat subpackage) never imports another one or a tab page.
      files: [`src/${capability}/**`],
      rules: {
        'no-restricted-imports': refuse(
          [...['pages', ...CAPABILITIES.filter((c) => c !== capability)].flatMap(folder), ...servers],
          `src/${capability} imports no other capability and no tab page; shared code goes to components/, domain/ or stores/.`,
        ),
      },
    })),
    {
      files: ['src/pages/**', 'src/app.ts', 'src/api/*.ts'],
      excludedFiles: ['src/api/index.ts'],
      rules: {
        'no-restricted-imports': refuse([...CAPABILITIES.flatMap(folder), ...servers], 'Tab pages open capabilities by route; only src/api/index.ts reaches the embedded backend.'),
      },
    },
    {
      files: ['src/api/index.ts'],
      rules: { 'no-restricted-imports': refuse(['**/server/**'], 'The app never carries server code.') },
    },
    {
      // The core knows no demo, seed, driver or UI.
      files: ['backend/**'],
      rules: { 'no-restricted-imports': refuse(['**/mock/**', '**/server/**', ...ui, 'pg', 'fastify', '@electric-sql/*'], 'backend/ imports only src/domain, src/api types and itself.') },
    },
    {
      files: ['mock/**'],
      rules: { 'no-restricted-imports': refuse(['**/server/**', 'pg', 'fastify', '@electric-sql/*'], 'The demo backend ships in the app: no server code.') },
    },
  ],
}
