import { cardPrefetch } from '../../config/preloadRouteChunks'

/** Runs index.html's early card request against a fake fetch, for one address. */
function runAt(hash: string, search = '') {
  const asked: string[] = []
  const fetch = (url: string) => {
    asked.push(url)
    return Promise.resolve({ status: 200, text: () => Promise.resolve('{"grid":{"code":"DA0103"}}') })
  }
  const win: { fetch: typeof fetch; __donganPrefetch?: Record<string, Promise<unknown>> } = { fetch }
  new Function('window', 'location', 'fetch', cardPrefetch('https://api.example.cn/'))(win, { hash, search }, fetch)
  return { asked, started: win.__donganPrefetch }
}

describe("index.html's early card request (real-API H5 build)", () => {
  it('asks for the grid the address names, by the URL the HTTP transport builds', async () => {
    const { asked, started } = runAt('#/pages/home/index?g=da0103')
    expect(asked).toEqual(['https://api.example.cn/grids/DA0103/card'])
    expect(await started!['https://api.example.cn/grids/DA0103/card']).toEqual({ statusCode: 200, data: '{"grid":{"code":"DA0103"}}' })
  })

  it("takes the QR code's ?g= before the hash", () => {
    expect(runAt('', '?g=DA0201').asked).toEqual(['https://api.example.cn/grids/DA0201/card'])
  })

  it('asks nothing when no grid, or something that is not a grid code, is named', () => {
    expect(runAt('#/pages/home/index').asked).toEqual([])
    expect(runAt('#/pages/home/index?g=../../admin').asked).toEqual([])
    expect(runAt('#/pages/home/index?gx=DA0103').asked).toEqual([])
  })
})
