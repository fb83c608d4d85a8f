import type { RuleError } from '../../src/domain/rules'

/** The RuleError a domain rule throws, to assert its code and fields; fails when it does not throw. */
export function refusal(run: () => unknown): RuleError {
  try {
    run()
  } catch (error) {
    return error as RuleError
  }
  throw new Error('expected a refusal')
}
