/**
 * Runs of Chinese text a line must never break inside: a time range
 * (08:30–17:30, 20:00–次日08:00), an amount with its unit (2000–4000元/月,
 * 72岁, 3个名额), a date (12月1日), a phone number, each with the closing marks
 * right after it (a line never starts with ，). Browsers may break before a lone
 * 元 or inside 08:30–17:30; components/Runs keeps each run whole.
 */
const KEEP = new RegExp(
  [
    String.raw`\d{1,2}:\d{2}\s*[–~-]\s*(?:次日)?\d{1,2}:\d{2}`,
    String.raw`\d+(?:\.\d+)?\s*[–~-]\s*\d+(?:\.\d+)?\s*元(?:\/[月天日时次])?`,
    String.raw`\d+(?:\.\d+)?\s*(?:元(?:\/[月天日时次])?|岁|号|个名额|名额|人|小时|分钟|天|个月)`,
    String.raw`\d{1,2}月\d{1,2}日`,
    String.raw`0\d{2,3}-\d{7,8}`,
    String.raw`1\d{10}`,
    String.raw`\d{1,2}:\d{2}`,
  ].join('|'),
  'g',
)
/** Marks that may not start a line: they stay with the run before them. */
const CLOSING = /^[，。、；：！？）」』】》,.;:!?)]+/

export interface TextRun {
  text: string
  /** True for a run shown on one line. */
  keep: boolean
}

export function keepTogetherRuns(text: string): TextRun[] {
  const runs: TextRun[] = []
  let at = 0
  for (const match of text.matchAll(KEEP)) {
    const start = match.index ?? 0
    if (start > at) runs.push({ text: text.slice(at, start), keep: false })
    const closing = CLOSING.exec(text.slice(start + match[0].length))?.[0] ?? ''
    runs.push({ text: match[0] + closing, keep: true })
    at = start + match[0].length + closing.length
  }
  if (at < text.length) runs.push({ text: text.slice(at), keep: false })
  return runs
}
