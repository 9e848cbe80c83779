import { either as E } from 'fp-ts'
import type { Endpoint, MixpanelError, Receipt } from '@mp/core'
import type { BatchFailure, EndpointReport, FlushReport } from './types.ts'

/** The result of sending one batch. */
export interface BatchOutcome {
  readonly endpoint: Endpoint
  readonly records: number
  readonly result: E.Either<MixpanelError, Receipt>
  /** For a failure: whether its records are held for the next flush. */
  readonly kept: boolean
}

const attemptsOf = (result: E.Either<MixpanelError, Receipt>): number =>
  E.isRight(result) ? result.right.attempts : 'attempts' in result.left ? result.left.attempts : 1

// A strict /import that refused some records imported the others: those count as delivered.
const deliveredOf = (outcome: BatchOutcome): number => {
  if (E.isRight(outcome.result)) return outcome.records
  const error = outcome.result.left
  return error._tag === 'RecordsRejected' ? Math.min(outcome.records, Math.max(0, error.imported)) : 0
}

/**
 * Adds batch outcomes up into a flush report.
 * @example
 * summarize([{ endpoint: '/track', records: 2, result: E.right({ endpoint: '/track', records: 2, attempts: 1 }), kept: false }], 0)
 * // { delivered: 2, failed: 0, attempts: 1, remaining: 0, endpoints: { '/track': { delivered: 2, … } }, failures: [] }
 */
export const summarize = (outcomes: ReadonlyArray<BatchOutcome>, remaining: number): FlushReport => {
  const endpoints: Partial<Record<Endpoint, EndpointReport>> = {}
  const failures: BatchFailure[] = []
  let delivered = 0
  let failed = 0
  let attempts = 0
  for (const outcome of outcomes) {
    const tries = attemptsOf(outcome.result)
    const ok = deliveredOf(outcome)
    const before = endpoints[outcome.endpoint] ?? { delivered: 0, failed: 0, batches: 0, attempts: 0 }
    endpoints[outcome.endpoint] = {
      delivered: before.delivered + ok,
      failed: before.failed + outcome.records - ok,
      batches: before.batches + 1,
      attempts: before.attempts + tries,
    }
    if (E.isLeft(outcome.result)) {
      failures.push({ endpoint: outcome.endpoint, records: outcome.records - ok, error: outcome.result.left, kept: outcome.kept })
    }
    delivered += ok
    failed += outcome.records - ok
    attempts += tries
  }
  return { delivered, failed, attempts, remaining, endpoints, failures }
}
