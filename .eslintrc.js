// eslint-config-taro with its React + TypeScript rules; tests and scripts run in Node.
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
  ],
}
