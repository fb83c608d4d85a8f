// @tarojs/plugin-framework-react ships its runtime without type declarations;
// this is the one entry point the page-test harness uses.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  import type * as React from 'react'

  export function createH5NativeComponentConfig<T>(component: T, react: typeof React, reactDOM: unknown): T
}
