// Proves the page-test harness works: Taro components render in jsdom, clicks
// reach React, Taro page hooks fire, Taro storage works, a real page mounts.
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import Me from '../../src/pages/me'
import { mountPage } from '../setup/mount-page'

function Counter() {
  const [count, setCount] = useState(0)
  const [who, setWho] = useState('nobody')
  const [shows, setShows] = useState(0)
  useLoad((params: { name?: string }) => setWho(params.name ?? 'anonymous'))
  useDidShow(() => setShows((n) => n + 1))
  return (
    <View className="counter">
      <Text className="who">hello {who}</Text>
      <Text className="shows">shown {shows}</Text>
      <Text className="count">count {count}</Text>
      <Button className="inc" onClick={() => setCount((n) => n + 1)}>
        加一
      </Button>
    </View>
  )
}

describe('page test harness', () => {
  it('renders Taro components, runs useLoad/useDidShow and handles a click', async () => {
    const { testUtils, trigger } = await mountPage(Counter, { params: { name: 'Li' } })

    expect((await testUtils.queries.waitForQueryByText('hello Li')).textContent).toBe('hello Li')
    expect(testUtils.queries.querySelector('.shows')?.textContent).toBe('shown 1')
    expect(testUtils.queries.querySelector('.count')?.textContent).toBe('count 0')

    const button = await testUtils.queries.waitForQuerySelector('.inc')
    testUtils.fireEvent.click(button)
    testUtils.fireEvent.click(button)
    await testUtils.queries.waitForQueryByText('count 2')
    expect(testUtils.queries.querySelector('.count')?.textContent).toBe('count 2')

    await trigger('onShow')
    expect(testUtils.queries.querySelector('.shows')?.textContent).toBe('shown 2')
  })

  it('mounts a plain component with TestUtils.mount', async () => {
    const testUtils = new TestUtils()
    await testUtils.mount(Counter)
    const count = await testUtils.queries.waitForQuerySelector('.count')
    testUtils.fireEvent.click(await testUtils.queries.waitForQuerySelector('.inc'))
    await testUtils.queries.waitForQueryByText('count 1')
    expect(count.textContent).toBe('count 1')
  })

  it('keeps Taro storage in localStorage and clears it between tests', () => {
    expect(Taro.getStorageSync('session')).toBe('')
    Taro.setStorageSync('session', { role: 'resident' })
    expect(Taro.getStorageSync('session')).toEqual({ role: 'resident' })
    expect(localStorage.getItem('session')).toContain('resident')
  })

  it('starts each test with empty storage', () => {
    expect(Taro.getStorageSync('session')).toBe('')
  })

  it('mounts the real me page', async () => {
    const { container } = await mountPage(Me, { path: '/pages/me/index' })
    expect(container.textContent?.trim()).not.toBe('')
  })
})
