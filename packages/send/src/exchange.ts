import { either as E, type task as T } from 'fp-ts'
import type { ResolvedConfig } from '@mp/core'
import { attempt, type AttemptSpec } from './attempt.ts'
import type { StatusContext } from './failedStatus.ts'
import { retryLoop, type Attempted } from './retryLoop.ts'
import type { HttpResponse, Verdict } from './verdict.ts'

/**
 * Makes the HTTP exchange `spec` describes until `decode` calls an answer final or the retries
 * are spent. A network failure or a timeout is transient; every response goes through `decode`,
 * which gets the attempt number and `spec.secrets` to scrub. Never rejects.
 * @example
 * const { verdict, attempts } = await exchange(resolved, spec, '/track', decodeResponse)()
 */
export const exchange = <A>(
  config: ResolvedConfig,
  spec: AttemptSpec,
  endpoint: string,
  decode: (response: HttpResponse, context: StatusContext) => Verdict<A>,
): T.Task<Attempted<A>> =>
  retryLoop(config, (attempts) => async (): Promise<Verdict<A>> => {
    const answer = await attempt(spec)()
    return E.isLeft(answer) ? { kind: 'transient', cause: answer.left } : decode(answer.right, { endpoint, attempts, secrets: spec.secrets, now: Date.now() })
  })
