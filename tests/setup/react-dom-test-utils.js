// @tarojs/test-utils-react 0.1.1 (act-compat.js) takes act() from
// react-dom/test-utils, which React 18.3 deprecates with a console.error on
// every mount and click. React.act is the same function without the warning.
// Mapped in tests/jest.pages.config.js; only `act` is used by the package.
const { act } = require('react')

module.exports = { act }
