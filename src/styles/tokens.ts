/**
 * The colours that live outside CSS: WeChat's tab and navigation bars (set in
 * app.config.ts), the text drawn on a card colour, and the default six colours of
 * the card. Values equal src/styles/_tokens.scss (tests/unit/tokens.test.ts).
 */
export const COLOUR = {
  brand: '#9b1c1c',
  text: '#111827',
  textMuted: '#4b5563',
  surface: '#ffffff',
  /** What cannot be undone (the confirm button of 注销账号). */
  error: '#b91c1c',
} as const

/** The default six colours of the card (PRODUCT.md §3), dark enough for 4.5:1 text. */
export const CARD_COLOUR = {
  red: '#B91C1C',
  orange: '#C2410C',
  yellow: '#FACC15',
  green: '#15803D',
  blue: '#1D4ED8',
  purple: '#6D28D9',
} as const
