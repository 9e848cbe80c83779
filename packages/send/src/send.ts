import { either as E, type taskEither as TE } from 'fp-ts'
import {
  networkError,
  payloadTooLarge,
  recordsRejected,
  type Config,
  type ConfigError,
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
import { safeNormalize } from './safeNormalize.ts'
import { secretsOf } from './secretsOf.ts'
import { transientError } from './transientError.ts'
import type { Accepted, Verdict } from './verdict.ts'

type Outcome = E.Either<MixpanelError, Receipt>

interface Plan {
  readonly config: ResolvedConfig
  readonly request: MixpanelRequest
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly gzip: boolean
  readonly secrets: ReadonlyArray<string>
}

const plan = (config: ResolvedConfig, request: MixpanelRequest): E.Either<ConfigError, Plan> => {
  const auth = authHeader(config, request)
  if (E.isLeft(auth)) return auth
  const authorization = auth.right
  return E.right({
    config,
    request,
    url: buildUrl(config, request.endpoint),
    headers: {
      'Content-Type': 'application/json',
      Accept: request.endpoint === '/import' ? 'application/json' : 'text/plain, application/json',
      ...(authorization === undefined ? {} : { Authorization: authorization }),
    },
    // Mixpanel's /engage refuses gzip bodies.
    gzip: config.gzip && request.endpoint !== '/engage',
    secrets: secretsOf(config, authorization === undefined ? [] : [authorization]),
  })
}

const sendOnce =
  (p: Plan, records: ReadonlyArray<JsonObject>) =>
  async (): Promise<{ verdict: Verdict<Accepted>; attempts: number } | E.Left<MixpanelError>> => {
    const encoded = await encodeBody(records, p.gzip)()
    if (E.isLeft(encoded)) return encoded
    const headers = encoded.right.gzip ? { ...p.headers, 'Content-Encoding': 'gzip' } : p.headers
    const spec = { method: 'POST', url: p.url, headers, body: encoded.right.body, timeoutMs: p.config.timeoutMs, fetch: p.config.fetch, secrets: p.secrets } as const
    return retryLoop(p.config, (attempts) => async (): Promise<Verdict<Accepted>> => {
      const answer = await attempt(spec)()
      return E.isLeft(answer)
        ? { kind: 'transient', cause: answer.left }
        : decodeResponse(answer.right, { endpoint: p.request.endpoint, attempts, secrets: p.secrets, now: Date.now() })
    })()
  }

// Joins the outcomes of the two halves of a split: receipts add up, rejected indices move back
// to their place in the unsplit records.
const merge = (first: Outcome, second: Outcome, offset: number, extraAttempts: number, p: Plan): Outcome => {
  const endpoint = p.request.endpoint
  if (E.isLeft(first) && first.left._tag !== 'RecordsRejected') return first
  if (E.isLeft(second) && second.left._tag !== 'RecordsRejected') return second
  if (E.isRight(first) && E.isRight(second)) {
    const imported = first.right.imported === undefined && second.right.imported === undefined ? undefined : (first.right.imported ?? 0) + (second.right.imported ?? 0)
    return E.right({
      endpoint,
      records: first.right.records + second.right.records,
      attempts: first.right.attempts + second.right.attempts + extraAttempts,
      ...(imported === undefined ? {} : { imported }),
    })
  }
  const failedOf = (o: Outcome, shift: number) =>
    E.isLeft(o) && o.left._tag === 'RecordsRejected' ? o.left.failed.map((f) => ({ ...f, index: f.index + shift })) : []
  const importedOf = (o: Outcome): number =>
    E.isRight(o) ? (o.right.imported ?? 0) : o.left._tag === 'RecordsRejected' ? o.left.imported : 0
  return E.left(recordsRejected(endpoint, [...failedOf(first, 0), ...failedOf(second, offset)], importedOf(first) + importedOf(second)))
}

const deliver = (p: Plan, records: ReadonlyArray<JsonObject>): (() => Promise<Outcome>) => async () => {
  const endpoint = p.request.endpoint
  const sent = await sendOnce(p, records)()
  if ('_tag' in sent) return sent
  const { verdict, attempts } = sent
  switch (verdict.kind) {
    case 'done': {
      const result = verdict.result
      if (E.isRight(result)) return E.right({ endpoint, records: records.length, attempts, ...result.right })
      const error = result.left
      return E.left(error._tag === 'RecordsRejected' ? recordsRejected(endpoint, error.failed, error.imported) : error)
    }
    case 'transient':
      return E.left(transientError(endpoint, verdict.cause, attempts, p.config.timeoutMs))
    case 'tooLarge': {
      if (records.length <= 1) {
        return E.left(payloadTooLarge(endpoint, `a single record is larger than Mixpanel accepts${verdict.body === '' ? '' : ` (${verdict.body})`}`))
      }
      // Halve and send the halves one after the other, so a split never multiplies the load.
      const middle = Math.ceil(records.length / 2)
      const first = await deliver(p, records.slice(0, middle))()
      if (E.isLeft(first) && first.left._tag !== 'RecordsRejected') return first
      const second = await deliver(p, records.slice(middle))()
      return merge(first, second, middle, attempts, p)
    }
  }
}

const prepare = (resolved: E.Either<ConfigError, ResolvedConfig>, request: MixpanelRequest): E.Either<MixpanelError, Plan> => {
  if (E.isLeft(resolved)) return resolved
  const checked = checkRequest(request)
  return E.isLeft(checked) ? checked : plan(resolved.right, checked.right)
}

/**
 * Executes a request descriptor over HTTP: POSTs its records as a JSON array with the endpoint's
 * query and auth rules, retries network errors, timeouts, 429 and 5xx with jittered backoff
 * (honouring `Retry-After`), splits a 413 in halves, and decodes Mixpanel's answer into a
 * `Receipt` or a tagged `MixpanelError`. The config is checked once; a bad one makes every call a
 * `ConfigError` and nothing is sent. Lazy: nothing happens until the task runs. Never rejects.
 * @example
 * import { send } from '@mp/send'
 * const deliver = send({ token: 'YOUR_TOKEN' })
 * const result = await deliver({ endpoint: '/track', auth: 'token', records: [{ event: 'signup', properties: { token: 'YOUR_TOKEN', distinct_id: 'u1' } }] })()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const send = (config: Config): ((request: MixpanelRequest) => TE.TaskEither<MixpanelError, Receipt>) => {
  const resolved = safeNormalize(config)
  return (request) => {
    // The descriptor is checked (and copied) now, as the task is made, not when it runs.
    const planned = prepare(resolved, request)
    return async () => {
      if (E.isLeft(planned)) return planned
      const p = planned.right
      try {
        return await deliver(p, p.request.records)()
      } catch (error) {
        // Unreachable by design (every step answers a value); kept so a platform bug cannot reject.
        return E.left(networkError(p.request.endpoint, 1, `unexpected failure: ${error instanceof Error ? error.name : 'unknown'}`))
      }
    }
  }
}
