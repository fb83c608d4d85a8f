// mountPage(): render a page component roughly as Taro's H5 router would, so
// that its page hooks run.
//
// Why not testUtils.mount() alone: Taro's page hooks (useLoad, useDidShow,
// useReady, usePullDownRefresh ...) only register callbacks on a "page
// instance"; the router is what calls them, and the package's createApp(),
// which would start the router, is broken with Taro 4. Outside a routed page
// the hooks register on the shared 'taro-app' instance, so this mounts the
// page with TestUtils, sets the router info (useRouter, getCurrentInstance),
// then fires onLoad(params) -> onShow -> onReady on that instance itself.
//
// Not Taro's own page wrapper (connectReactPage): it needs the whole app
// bootstrap (createReactApp), and its error boundary turns a page that throws
// into an empty page plus a console warning instead of a failing mount.
// Consequence: one page at a time; mounting a page unmounts the previous one.
import type * as React from 'react'
import TestUtils from '@tarojs/test-utils-react'
import { Current, removePageInstance, safeExecute } from '@tarojs/runtime'
import type { PageInstance } from '@tarojs/runtime'

export type PageLifecycle =
  | 'onLoad'
  | 'onShow'
  | 'onHide'
  | 'onReady'
  | 'onUnload'
  | 'onPullDownRefresh'
  | 'onReachBottom'
  | 'onPageScroll'
  | 'onResize'
  | 'onShareAppMessage'
  | 'onTabItemTap'

export interface MountPageOptions<P> {
  /** Route of the page, e.g. '/pages/me/index' (what useRouter().path returns). */
  path?: string
  /** Query parameters: passed to useLoad and returned by useRouter().params. */
  params?: Record<string, string>
  props?: P
}

export interface MountedPage {
  testUtils: TestUtils
  /** The element the page is rendered into; testUtils.queries search only here. */
  container: HTMLElement
  /** Fire a page lifecycle again, e.g. trigger('onShow') when returning to the page. */
  trigger(lifecycle: PageLifecycle, ...args: unknown[]): Promise<void>
  unmount(): void
}

// Where page hooks register when there is no routed page around them.
const HOOKS_ID = 'taro-app'
const mountedPages = new Set<MountedPage>()

export async function mountPage<P extends Record<string, unknown>>(
  Page: React.ComponentType<P>,
  options: MountPageOptions<P> = {},
): Promise<MountedPage> {
  unmountAllPages()
  const path = options.path ?? '/pages/test/index'
  const params = options.params ?? {}
  const id = HOOKS_ID

  Current.router = { params, path, $taroPath: path, onReady: '', onHide: '', onShow: '' }
  Current.page = { path, route: path.replace(/^\//, '') } as PageInstance

  const container = document.createElement('div')
  document.body.appendChild(container)
  const testUtils = new TestUtils()
  testUtils.queries.setContainer(container)
  await testUtils.mount(Page, { props: options.props, container })

  const trigger = async (lifecycle: PageLifecycle, ...args: unknown[]) => {
    await testUtils.act(async () => {
      safeExecute(id, lifecycle, ...args)
    })
  }

  const page: MountedPage = {
    testUtils,
    container,
    trigger,
    unmount() {
      if (!mountedPages.delete(page)) return
      safeExecute(id, 'onUnload')
      testUtils.unmout()
      removePageInstance(id)
      container.remove()
      Current.router = null
      Current.page = null
    },
  }
  mountedPages.add(page)

  // Same order as Taro's H5 router: onLoad(query), onShow, then onReady.
  await trigger('onLoad', params)
  await trigger('onShow')
  await trigger('onReady')
  return page
}

/** Called after each test by pages.setup.ts. */
export function unmountAllPages(): void {
  mountedPages.forEach((page) => page.unmount())
}
