import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { api, ApiError, toApiError, type Card } from '../../api'
import { isGridCode } from '../../domain/scene'
import { useSession } from '../../stores/session'
import { loadLastCard, saveLastCard } from './cardCache'

export type CardState =
  | { status: 'loading' }
  | { status: 'ready'; card: Card; offlineSince: number | null }
  /** A QR code or link named a grid that does not exist. */
  | { status: 'unknown-grid'; code: string }
  /** No grid chosen yet: the resident picks one. */
  | { status: 'choose' }
  | { status: 'error'; error: ApiError }

/**
 * What shows before any answer: the last card of this grid kept on the phone
 * (refreshed behind it, so on a weak network the numbers to call are there at
 * once), or the grid picker, or the unknown-grid notice.
 */
function firstState(requested: string | null): CardState {
  if (!requested) return { status: 'choose' }
  if (!isGridCode(requested)) return { status: 'unknown-grid', code: requested }
  const cached = loadLastCard(requested)
  return cached ? { status: 'ready', card: cached.card, offlineSince: null } : { status: 'loading' }
}

/**
 * The card of the grid to show: the QR entry first, then the remembered grid,
 * then the signed-in account's own. The last card of that grid kept on the phone shows at
 * once while the fresh one loads, and stays (marked offline) when it cannot.
 */
export function useGridCard(entryGrid: string | null) {
  const remembered = useSession((s) => s.gridCode)
  // Signed in on 我的 first: the account's own grid, as 我的 shows it.
  const own = useSession((s) => s.user?.gridCode ?? null)
  const chooseGrid = useSession((s) => s.chooseGrid)
  const [requested, setRequested] = useState<string | null>(entryGrid ?? remembered ?? own)
  useEffect(() => {
    if (own) setRequested((current) => current ?? own)
  }, [own])
  // The first render already shows a card kept on the phone: no empty frame before it.
  const [state, setState] = useState<CardState>(() => firstState(requested))
  const [attempt, setAttempt] = useState(0)
  const firstShown = useRef(true)

  useEffect(() => {
    if (!firstShown.current) setState(firstState(requested))
    firstShown.current = false
    if (!requested || !isGridCode(requested)) return
    let live = true
    const cached = loadLastCard(requested)
    api.getCard(requested).then(
      (card) => {
        if (!live) return
        saveLastCard(card, Date.now())
        const show = () => {
          chooseGrid(card.grid.code)
          setState({ status: 'ready', card, offlineSince: null })
        }
        // Nothing on screen yet: draw the card at once (the first screen's largest paint).
        // Replacing a kept card is a transition: React draws it in slices, never blocking a tap.
        if (cached) startTransition(show)
        else show()
      },
      (failure) => {
        if (!live) return
        const error = toApiError(failure)
        if (error.code === 'NOT_FOUND') {
          setState({ status: 'unknown-grid', code: requested })
          return
        }
        const kept = error.isOffline ? cached : null
        setState(kept ? { status: 'ready', card: kept.card, offlineSince: kept.savedAt } : { status: 'error', error })
      },
    )
    return () => {
      live = false
    }
  }, [requested, attempt, chooseGrid])

  const pick = useCallback((code: string) => setRequested(code), [])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const changeGrid = useCallback(() => setState({ status: 'choose' }), [])
  return { state, pick, retry, changeGrid }
}
