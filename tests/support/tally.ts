/** How many answers failed with this status and error code. */
export function failureCount(answers: { status: number; body: { error?: { code: string } } }[], status: number, code: string): number {
  return answers.filter((a) => a.status === status && a.body.error?.code === code).length
}
