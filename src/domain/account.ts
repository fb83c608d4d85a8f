import { checkText } from './validation'

/** The name an account holder gives themselves (我的 → 个人信息与隐私). */
export const ACCOUNT_NAME_RULE = { label: '姓名', max: 20 }

/** The field error of a new name, or null. */
export function checkAccountName(name: unknown): string | null {
  return checkText(name, ACCOUNT_NAME_RULE)
}
