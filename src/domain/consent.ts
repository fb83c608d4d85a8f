/**
 * Consent to the 隐私政策 (个人信息保护法 art. 13–14): asked once before first
 * use, kept on the phone with the date of the policy agreed to; a newer
 * policy asks again.
 */
export const PRIVACY_VERSION = '2026-12-01'

/** Whether what the phone kept is consent to the policy now in force. */
export function hasConsented(kept: unknown): boolean {
  return kept === PRIVACY_VERSION
}
