import { either as E } from 'fp-ts'
import type { Endpoint, MixpanelError, Receipt } from '@mp/core'
import type { BatchFailure, FlushReport } from './types.ts'

/** The result of sending one batch. */
export interface BatchOutcome {
  readonly endpoint: Endpoint
  readonly records: number
  readonly result: E.Either<MixpanelError, Receipt>
  /** For a failure: whether its records are held for the next flush. */
  readonly kept: boolean
}

// A strict /import that refused some records imported the others: those count as delivered.
const deliveredOf = ({ records, result }: BatchOutcome): number => {
  if (E.isRight(result)) return records
  return result.left._tag === 'RecordsRejected' ? Math.min(records, Math.max(0, result.left.imported)) : 0
}

type Counts = { delivered: number; failed: number; batches: number; attempts: number }

/**
 * Adds batch outcomes up into a flush report.
 * @example
 * summarize([{ endpoint: '/track', records: 2, result: E.right({ endpoint: '/track', records: 2, attempts: 1 }), kept: false }], 0)
 * // { delivered: 2, failed: 0, attempts: 1, remaining: 0, endpoints: { '/track': { delivered: 2, … } }, failures: [] }
 */
export const summarize = (outcomes: ReadonlyArray<BatchOutcome>, remaining: number): FlushReport => {
  const endpoints: Partial<Record<Endpoint, Counts>> = {}
  const failures: BatchFailure[] = []
  const total: Counts = { delivered: 0, failed: 0, batches: 0, attempts: 0 }
  for (const outcome of outcomes) {
    const { endpoint, records, result, kept } = outcome
    const delivered = deliveredOf(outcome)
    const attempts = E.isRight(result) ? result.right.attempts : 'attempts' in result.left ? result.left.attempts : 1
    // The same sums for the endpoint and for the whole flush.
    for (const counts of [(endpoints[endpoint] ??= { delivered: 0, failed: 0, batches: 0, attempts: 0 }), total]) {
      counts.delivered += delivered
      counts.failed += records - delivered
      counts.batches++
      counts.attempts += attempts
    }
    if (E.isLeft(result)) failures.push({ endpoint, records: records - delivered, error: result.left, kept })
  }
  return { delivered: total.delivered, failed: total.failed, attempts: total.attempts, remaining, endpoints, failures }
}
