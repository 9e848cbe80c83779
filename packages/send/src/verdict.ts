import type { either as E } from 'fp-ts'
import type { MixpanelError } from '@mp/core'

/** What came back from one HTTP attempt that completed: status, body text and `Retry-After`. */
export interface HttpResponse {
  readonly status: number
  readonly body: string
  readonly retryAfter: string | null
}

/** A failure worth another attempt. `body` is already scrubbed and cut. */
export type Transient =
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'status'; readonly status: number; readonly body: string; readonly retryAfterMs?: number }

/** The classified outcome of one attempt. */
export type Verdict<A> =
  | { readonly kind: 'done'; readonly result: E.Either<MixpanelError, A> }
  | { readonly kind: 'transient'; readonly cause: Transient }
  | { readonly kind: 'tooLarge'; readonly body: string }

/** What a successful ingestion answer says. */
export interface Accepted {
  readonly imported?: number
}
