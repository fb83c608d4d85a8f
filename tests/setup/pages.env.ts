// Runs before the test framework in every page-test sandbox.
// The H5 build defines these at compile time; under Jest they are read at run
// time, so they must exist before any Taro or project module is imported.
// TARO_PLATFORM is set only here, inside the sandbox: in the transformer's
// process it would make babel-preset-taro add react-refresh instrumentation.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
// Empty base URL: the app uses its embedded mock backend, never the network.
process.env.TARO_APP_API_BASE = ''
