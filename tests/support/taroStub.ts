/* Node-side tests never call Taro; the http transport is handed nodeRequest instead. */
const unavailable = () => {
  throw new Error('Taro APIs are not available in Node tests')
}
export default { request: unavailable }
