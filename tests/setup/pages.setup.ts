// Setup for page-component tests (tests/jest.pages.config.js), run after the
// test framework is installed, in the same module registry as the test file.
//
// Why each line is here:
// 1. '@tarojs/taro' must be the first Taro module loaded (ENGINEERING.md fix 3).
//    @tarojs/router and @tarojs/taro-h5 import each other. Loaded the other
//    way round (test-utils-react -> router -> its tab bar -> components ->
//    taro-h5), taro-h5 runs while the router is half-initialised and throws
//    "Cannot read properties of undefined (reading 'history')".
// 2. createH5NativeComponentConfig(null, React, ReactDOM) (fix 4). Taro's page
//    hooks call React through a holder that only the app bootstrap
//    (createReactApp) fills in. Tests have no app, so without this every
//    useLoad/useDidShow throws "React.useContext is not a function". The call
//    fills the holder and registers the same reconciler hooks the app would
//    (e.g. onShow -> componentDidShow).
// 3. Cleanup after each test: TestUtils never unmounts what it mounted, so
//    React roots, page hook callbacks and Taro storage (localStorage in H5)
//    would leak from one test into the next. Only the harness's own
//    containers are removed, not all of document.body: Taro's H5 showModal /
//    showToast keep a reference to the element they create and reuse it, so
//    wiping the body makes every later modal in the file invisible.
// 4. The person has agreed to the 隐私政策 before each test (tests/pages/consent.test.tsx
//    starts without it): the consent sheet is tested once, not in front of every page.
import '@tarojs/taro'
import * as React from 'react'
import TestUtils from '@tarojs/test-utils-react'
import { createH5NativeComponentConfig } from '@tarojs/plugin-framework-react/dist/runtime'
import { unmountAllPages } from './mount-page'
import { useConsent } from '../../src/stores/consent'

// react-dom has no type declarations in this repo (@types/react-dom is not
// installed), hence requireActual rather than an import.
createH5NativeComponentConfig(null, React, jest.requireActual('react-dom'))

const mounted = new Set<TestUtils>()
const { mount, unmout } = TestUtils.prototype
TestUtils.prototype.mount = function (this: TestUtils, ...args: Parameters<TestUtils['mount']>) {
  mounted.add(this)
  return mount.apply(this, args)
}
TestUtils.prototype.unmout = function (this: TestUtils) {
  if (!mounted.delete(this)) return
  unmout.call(this)
  // mount() appends a container to document.body when none is given.
  const { _inst: rendered } = this as unknown as { _inst?: { container: Element } }
  rendered?.container.remove()
}

beforeEach(() => {
  useConsent.setState({ agreed: true, asking: null })
})

afterEach(() => {
  unmountAllPages()
  mounted.forEach((utils) => utils.unmout())
  localStorage.clear()
})
