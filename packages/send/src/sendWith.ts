import { either as E, type taskEither as TE } from 'fp-ts'
import {
  networkError,
  payloadTooLarge,
  recordsRejected,
  type ConfigError,
  type Endpoint,
  type FailedRecord,
  type JsonObject,
  type MixpanelError,
  type MixpanelRequest,
  type Receipt,
  type ResolvedConfig,
} from '@mp/core'
import { attempt } from './attempt.ts'
import { authHeader } from './authHeader.ts'
import { buildUrl } from './buildUrl.ts'
import { checkRequest } from './checkRequest.ts'
import { decodeResponse } from './decodeResponse.ts'
import { encodeBody } from './encodeBody.ts'
import { retryLoop } from './retryLoop.ts'
import { secretsOf } from './secretsOf.ts'
import { transientError } from './transientError.ts'
import type { Accepted, Verdict } from './verdict.ts'

type Outcome = E.Either<MixpanelError, Receipt>

interface Plan {
  readonly config: ResolvedConfig
  readonly endpoint: Endpoint
  /** The descriptor's records, copied when the task was made. */
  readonly records: ReadonlyArray<JsonObject>
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly gzip: boolean
  readonly secrets: ReadonlyArray<string>
}

// Joins the outcomes of the halves of a split (none an error other than `RecordsRejected`):
// receipts add up, rejected indices move back to their place in the unsplit records.
const merge = (halves: ReadonlyArray<readonly [Outcome, number]>, attempts: number, endpoint: Endpoint): Outcome => {
  let records = 0
  let imported: number | undefined
  let rejected = false
  const failed: FailedRecord[] = []
  for (const [o, shift] of halves) {
    if (E.isRight(o)) {
      records += o.right.records
      attempts += o.right.attempts
      if (o.right.imported !== undefined) imported = (imported ?? 0) + o.right.imported
    } else if (o.left._tag === 'RecordsRejected') {
      rejected = true
      for (const f of o.left.failed) failed.push({ ...f, index: f.index + shift })
      imported = (imported ?? 0) + o.left.imported
    }
  }
  return rejected
    ? E.left(recordsRejected(endpoint, failed, imported ?? 0))
    : E.right({ endpoint, records, attempts, ...(imported === undefined ? {} : { imported }) })
}

const deliver = async (p: Plan, records: ReadonlyArray<JsonObject>): Promise<Outcome> => {
  const { endpoint, config, secrets } = p
  const encoded = await encodeBody(records, p.gzip)()
  if (E.isLeft(encoded)) return encoded
  const headers = encoded.right.gzip ? { ...p.headers, 'Content-Encoding': 'gzip' } : p.headers
  const spec = { method: 'POST', url: p.url, headers, body: encoded.right.body, timeoutMs: config.timeoutMs, fetch: config.fetch, secrets } as const
  const { verdict, attempts } = await retryLoop(config, (attempts) => async (): Promise<Verdict<Accepted>> => {
    const answer = await attempt(spec)()
    return E.isLeft(answer) ? { kind: 'transient', cause: answer.left } : decodeResponse(answer.right, { endpoint, attempts, secrets, now: Date.now() })
  })()
  if (verdict.kind === 'done') {
    const result = verdict.result
    return E.isRight(result) ? E.right({ endpoint, records: records.length, attempts, ...result.right }) : result
  }
  if (verdict.kind === 'transient') return E.left(transientError(endpoint, verdict.cause, attempts, config.timeoutMs))
  if (records.length <= 1) {
    return E.left(payloadTooLarge(endpoint, `a single record is larger than Mixpanel accepts${verdict.body === '' ? '' : ` (${verdict.body})`}`))
  }
  // Halve and send the halves one after the other, so a split never multiplies the load.
  const middle = Math.ceil(records.length / 2)
  const first = await deliver(p, records.slice(0, middle))
  if (E.isLeft(first) && first.left._tag !== 'RecordsRejected') return first
  const second = await deliver(p, records.slice(middle))
  if (E.isLeft(second) && second.left._tag !== 'RecordsRejected') return second
  return merge([[first, 0], [second, middle]], attempts, endpoint)
}

const plan = (resolved: E.Either<ConfigError, ResolvedConfig>, request: MixpanelRequest): E.Either<MixpanelError, Plan> => {
  if (E.isLeft(resolved)) return resolved
  const checked = checkRequest(request)
  if (E.isLeft(checked)) return checked
  const config = resolved.right
  const { endpoint, records } = checked.right
  const auth = authHeader(config, checked.right)
  if (E.isLeft(auth)) return auth
  const authorization = auth.right
  return E.right({
    config,
    endpoint,
    records,
    url: buildUrl(config, endpoint),
    headers: {
      'Content-Type': 'application/json',
      Accept: endpoint === '/import' ? 'application/json' : 'text/plain, application/json',
      ...(authorization === undefined ? {} : { Authorization: authorization }),
    },
    // Mixpanel's /engage refuses gzip bodies.
    gzip: config.gzip && endpoint !== '/engage',
    secrets: secretsOf(config, authorization === undefined ? [] : [authorization]),
  })
}

/**
 * @internal `send` over a config already normalised, so `toAction` checks a config only once.
 * A `Left` config makes every call answer that `ConfigError`; nothing is sent.
 * @example
 * const deliver = sendWith(normalizeConfig({ token: 'YOUR_TOKEN' }))
 * await deliver({ endpoint: '/track', auth: 'token', records: [{ event: 'signup', properties: { token: 'YOUR_TOKEN', distinct_id: 'u1' } }] })()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const sendWith =
  (resolved: E.Either<ConfigError, ResolvedConfig>) =>
  (request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt> => {
    // The descriptor is checked (and copied) now, as the task is made, not when it runs.
    const planned = plan(resolved, request)
    return async () => {
      if (E.isLeft(planned)) return planned
      try {
        return await deliver(planned.right, planned.right.records)
      } catch (error) {
        // Unreachable by design (every step answers a value); kept so a platform bug cannot reject.
        return E.left(networkError(planned.right.endpoint, 1, `unexpected failure: ${error instanceof Error ? error.name : 'unknown'}`))
      }
    }
  }
