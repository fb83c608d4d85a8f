/** 13812341234 → 138****1234. Anything that is not 11 digits keeps only its last 4. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '')
  if (/^\d{11}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '****'
  return `****${digits.slice(-4)}`
}

/** Whether a phone is shown masked (maskPhone's stars): a view that hides the number. */
export function isMaskedPhone(phone: unknown): boolean {
  return typeof phone === 'string' && phone.includes('*')
}

/** 张桂兰 → 张*兰, 李明 → 李*: for lists that others can see. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.join('')
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
