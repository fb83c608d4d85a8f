/**
 * Field validation shared by the forms and the backend, so both say the same
 * thing. Every message is Chinese and names the field.
 */
export type FieldErrors = Record<string, string>

export interface TextRule {
  label: string
  max: number
  min?: number
  /** Optional fields may be empty; everything else about them still applies. */
  optional?: boolean
}

/** Lengths count characters as people see them (an emoji is one). */
export function textLength(text: string): number {
  return Array.from(text).length
}

// Letters and digits of the scripts residents write in: Chinese, Latin,
// full-width forms. A text without any of them is only emoji or symbols.
const MEANINGFUL = /[0-9A-Za-z\u00C0-\u024F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/
// Something a browser would read as a tag: <script>, </div>, <img …>, <!-- …
const MARKUP = /<\s*[/!]?\s*[a-zA-Z!]/
// Control characters, which cannot be shown.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// Marks and overrides that change the direction of text (U+202E turns
// "gnp.exe" around): they can make a text read differently from what it is.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
// Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
// presentation forms): not a script of this community, and mixed into Chinese
// they reorder the text around them.
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDD5F]/
export function checkText(value: unknown, rule: TextRule): string | null {
  if (value === undefined || value === null) value = ''
  if (typeof value !== 'string') return `${rule.label}格式不正确`
  const text = value.trim()
  if (!text) return rule.optional ? null : `请填写${rule.label}`
  const length = textLength(text)
  if (rule.min && length < rule.min) return `${rule.label}至少需要${rule.min}个字`
  if (length > rule.max) return `${rule.label}不能超过${rule.max}个字（现在${length}个字）`
  if (MARKUP.test(text)) return `${rule.label}不能包含网页代码（如 < 开头的标签）`
  if (CONTROL.test(text)) return `${rule.label}包含无法显示的字符`
  if (BIDI_CONTROL.test(text)) return `${rule.label}包含改变文字方向的隐藏字符，请删除后重新输入`
  if (RIGHT_TO_LEFT.test(text)) return `${rule.label}不能包含阿拉伯文、希伯来文等从右向左书写的文字`
  if (!MEANINGFUL.test(text)) return `${rule.label}不能只有表情或符号`
  return null
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

export function checkPhone(value: unknown, label = '手机号'): string | null {
  if (value === undefined || value === null || value === '') return `请填写${label}`
  if (typeof value !== 'string') return `${label}格式不正确`
  const digits = value.replace(/[\s-]/g, '')
  if (!digits) return `请填写${label}`
  if (!MOBILE_PATTERN.test(digits)) return `请填写11位手机号，以1开头（如13812341234）`
  return null
}

/** Removes the spaces and dashes people type inside phone numbers. */
export function normalisePhone(value: string): string {
  return value.replace(/[\s-]/g, '')
}

export function checkNumber(
  value: unknown,
  rule: { label: string; min: number; max: number; step?: number; unit?: string },
): string | null {
  if (value === undefined || value === null || value === '') return `请填写${rule.label}`
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) return `${rule.label}须为数字`
  const unit = rule.unit ?? ''
  if (n < rule.min || n > rule.max) return `${rule.label}须在${rule.min}${unit}到${rule.max}${unit}之间`
  if (rule.step && Math.abs(Math.round(n / rule.step) * rule.step - n) > 1e-9) {
    return `${rule.label}须为${rule.step}${unit}的整数倍`
  }
  return null
}

/** Collects the messages of several checks; an empty object means valid. */
export function collectErrors(checks: Record<string, string | null>): FieldErrors {
  const errors: FieldErrors = {}
  for (const [field, message] of Object.entries(checks)) if (message) errors[field] = message
  return errors
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}
