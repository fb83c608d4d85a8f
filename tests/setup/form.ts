/* What the page tests do with a form: type as a person does, press a button,
 * read a field's value and the message beside it. */

const INPUT_VALUE = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
const TEXTAREA_VALUE = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!

/** Types into a native field through the prototype's setter, so React sees the change. */
export function typeInto(container: HTMLElement, id: string, value: string): void {
  const el = container.querySelector(`#${id}`) as HTMLInputElement | HTMLTextAreaElement
  if (!el) throw new Error(`no field #${id}`)
  ;(el instanceof HTMLTextAreaElement ? TEXTAREA_VALUE : INPUT_VALUE).call(el, value)
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

/** The button whose own text is exactly this (notices may quote button names too). */
export function button(container: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}

export const valueOf = (container: HTMLElement, id: string): string => (container.querySelector(`#${id}`) as HTMLInputElement).value

/** A field's message: under it (#id-error), or where the form shows it for a group of fields. */
export const errorOf = (container: HTMLElement, id: string, where = `#${id}-error`): string | null =>
  container.querySelector(where)?.textContent ?? null
