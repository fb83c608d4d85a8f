import type { HttpMethod } from '../src/api/contract'
import type { Role, User } from '../src/api/types'
import type { DbState } from './state'

/** Who may call a route: anyone, any signed-in user, or only some roles. */
export type Access = 'public' | 'user' | Role[]

export interface RouteContext {
  db: DbState
  /** The signed-in user, when the route needs one (never null then). */
  user: User | null
  token: string | null
  params: Record<string, string>
  query: Record<string, string>
  body: Record<string, unknown>
  now: number
  demo: boolean
}

export interface Route {
  method: HttpMethod
  /** Express-style pattern, e.g. /grids/:code/card; docs/openapi.yaml uses {code}. */
  path: string
  access: Access
  /** Writes persist the database after they run. */
  handler: (ctx: RouteContext) => unknown
}

interface CompiledRoute extends Route {
  regex: RegExp
  keys: string[]
}

export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const keys: string[] = []
    const source = route.path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
      keys.push(key)
      return '([^/]+)'
    })
    return { ...route, keys, regex: new RegExp(`^${source}$`) }
  })
}

export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue
    const m = route.regex.exec(path)
    if (!m) continue
    const params: Record<string, string> = {}
    route.keys.forEach((key, i) => {
      try {
        params[key] = decodeURIComponent(m[i + 1])
      } catch {
        params[key] = m[i + 1]
      }
    })
    return { route, params }
  }
  return null
}
