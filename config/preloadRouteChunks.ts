import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compilation, Compiler } from 'webpack'

/** The hash route index.html opens when the URL names none (the QR code's /?g=…). */
const FIRST_PAGE = '/pages/home/index'

/**
 * H5: index.html starts downloading the opened page's own code (its JS and CSS
 * chunks) together with the app's, instead of after the app's code has run and
 * asked the router for it: one round trip less before the page can show, which
 * matters most on a slow phone. The map route → files is made at build time.
 */
export class PreloadRouteChunks {
  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadRouteChunks', (compilation: Compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('PreloadRouteChunks', (data) => {
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
          `l.as=/\\.css$/.test(f)?'style':'script';l.href=f;document.head.appendChild(l)})}(${JSON.stringify(routes)})</script>`
        data.html = data.html.replace('</title>', `</title>${script}`)
        return data
      })
    })
  }
}
