import { either as E } from 'fp-ts'
import { isPermanent, recordsRejected, type Endpoint, type MixpanelError, type Receipt } from '@mp/core'

/** What to do with each row of a batch once `send` answered. */
export interface Settlement {
  /** Acknowledged by Mixpanel: delete. */
  readonly delivered: ReadonlyArray<string>
  /** Failed transiently: try again after a backoff. */
  readonly rescheduled: ReadonlyArray<string>
  /** Can never succeed as they are: move to the dead-letter table with their error. */
  readonly deadLettered: ReadonlyArray<readonly [id: string, error: MixpanelError]>
  /** HTTP attempts the batch took. */
  readonly attempts: number
  /** The batch's error, if it failed (whole or in part). */
  readonly error: MixpanelError | undefined
}

/**
 * Decides the fate of a batch's rows from `send`'s answer, with the queue's poison rule
 * (`isPermanent`): acknowledged rows are delivered; a strict `/import` that refused some records
 * (`RecordsRejected`) imported the others, so exactly the refused rows are dead-lettered, each
 * with a `RecordsRejected` that names only its own failure, and the rest count as delivered; any
 * other permanent error dead-letters the whole batch; a transient one reschedules it.
 * @example
 * settleBatch('/track', ['7', '8'], E.right({ endpoint: '/track', records: 2, attempts: 1 }))
 * // { delivered: ['7', '8'], rescheduled: [], deadLettered: [], attempts: 1, error: undefined }
 */
export const settleBatch = (endpoint: Endpoint, ids: ReadonlyArray<string>, result: E.Either<MixpanelError, Receipt>): Settlement => {
  if (E.isRight(result)) return { delivered: ids, rescheduled: [], deadLettered: [], attempts: result.right.attempts, error: undefined }
  const error = result.left
  const attempts = 'attempts' in error ? error.attempts : 1
  if (!isPermanent(error)) return { delivered: [], rescheduled: ids, deadLettered: [], attempts, error }
  if (error._tag !== 'RecordsRejected') return { delivered: [], rescheduled: [], deadLettered: ids.map((id) => [id, error] as const), attempts, error }
  const refused = new Map(error.failed.filter((f) => Number.isInteger(f.index) && f.index >= 0 && f.index < ids.length).map((f) => [f.index, f]))
  const delivered: string[] = []
  const deadLettered: Array<readonly [string, MixpanelError]> = []
  ids.forEach((id, index) => {
    const failure = refused.get(index)
    if (failure === undefined) delivered.push(id)
    else deadLettered.push([id, recordsRejected(endpoint, [failure], error.imported)])
  })
  return { delivered, rescheduled: [], deadLettered, attempts, error }
}
