import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compilation, Compiler } from 'webpack'

/** The hash route index.html opens when the URL names none (the QR code's /?g=…). */
const FIRST_PAGE = '/pages/home/index'

/**
 * The home page's card, asked for by index.html itself when the address names a
 * grid (the QR code's ?g=DA0103) and the build talks to a real API: the answer
 * is on its way while the app's code still downloads. The HTTP transport takes
 * it (src/api/httpTransport.ts, takePrefetched) instead of asking again.
 */
export function cardPrefetch(apiBase: string): string {
  const base = JSON.stringify(apiBase.replace(/\/+$/, ''))
  return (
    `!function(b){var q=(location.hash.split('?')[1]||'')+'&'+location.search.slice(1),` +
    `m=/(?:^|&)g=([A-Za-z]{2}\\d{4})(?:&|$)/.exec(q);if(!m||!window.fetch)return;` +
    `var u=b+'/grids/'+m[1].toUpperCase()+'/card';window.__donganPrefetch={};` +
    `var p=window.__donganPrefetch[u]=fetch(u,{headers:{Accept:'application/json'}}).then(function(r){` +
    `return r.text().then(function(t){return{statusCode:r.status,data:t}})});` +
    // Handled here too: a failure unclaimed by the app is no page error (the app asks again).
    `p.catch(function(){})}(${base});`
  )
}

/**
 * H5: index.html starts downloading the opened page's own code (its JS and CSS
 * chunks) together with the app's, instead of after the app's code has run and
 * asked the router for it: one round trip less before the page can show, which
 * matters most on a slow phone. The map route → files is made at build time.
 * On the home page of a real-API build it also asks for the card (cardPrefetch).
 */
export class PreloadRouteChunks {
  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadRouteChunks', (compilation: Compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('PreloadRouteChunks', (data) => {
        const apiBase = process.env.TARO_APP_API_BASE
        const routes: Record<string, string[]> = {}
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue
          for (const origin of group.origins) {
            // Taro's router imports each page as ./<root>/pages/<name>/index.
            const route = /^\.(\/[\w/-]+\/index)$/.exec(origin.request ?? '')?.[1]
            if (route) routes[route] = group.getFiles().filter((f) => /\.(js|css)$/.test(f))
          }
        }
        const script =
          `<script>!function(m){var r=location.hash.replace(/^#/,'').split('?')[0]||'${FIRST_PAGE}';` +
          `(m[r]||[]).forEach(function(f){var l=document.createElement('link');l.rel='preload';` +
          `l.as=/\\.css$/.test(f)?'style':'script';l.href=f;document.head.appendChild(l)});` +
          (apiBase ? `r==='${FIRST_PAGE}'&&${cardPrefetch(apiBase)}` : '') +
          `}(${JSON.stringify(routes)})</script>`
        data.html = data.html.replace('</title>', `</title>${script}`)
        return data
      })
    })
  }
}
