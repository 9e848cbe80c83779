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
import { authHeader } from './authHeader.ts'
import { buildUrl } from './buildUrl.ts'
import { checkRequest } from './checkRequest.ts'
import { decodeResponse } from './decodeResponse.ts'
import { encodeBody } from './encodeBody.ts'
import { exchange } from './exchange.ts'
import { secretsOf } from './secretsOf.ts'
import { transientError } from './transientError.ts'

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

/** What the parts of a request (more than one after a 413 split) add up to. */
interface Tally {
  records: number
  attempts: number
  imported: number
  /** Records strict `/import` refused, at their index in the whole request. */
  readonly failed: FailedRecord[]
}

// Sends `records`, which start at `offset` in the request, and adds the outcome to `tally`. Answers
// the error that ends the whole request, if any; refused records do not: the other parts still go.
const deliver = async (p: Plan, records: ReadonlyArray<JsonObject>, offset: number, tally: Tally): Promise<MixpanelError | undefined> => {
  const { endpoint, config, secrets } = p
  const encoded = await encodeBody(records, p.gzip)()
  if (E.isLeft(encoded)) return encoded.left
  const headers = encoded.right.gzip ? { ...p.headers, 'Content-Encoding': 'gzip' } : p.headers
  const spec = { method: 'POST', url: p.url, headers, body: encoded.right.body, timeoutMs: config.timeoutMs, fetch: config.fetch, secrets } as const
  const { verdict, attempts } = await exchange(config, spec, endpoint, decodeResponse)()
  if (verdict.kind === 'transient') return transientError(endpoint, verdict.cause, attempts, config.timeoutMs)
  tally.attempts += attempts
  if (verdict.kind === 'done') {
    const result = verdict.result
    if (E.isRight(result)) {
      tally.records += records.length
      tally.imported += result.right.imported ?? 0
      return undefined
    }
    if (result.left._tag !== 'RecordsRejected') return result.left
    for (const record of result.left.failed) tally.failed.push({ ...record, index: record.index + offset })
    tally.imported += result.left.imported
    return undefined
  }
  if (records.length <= 1) {
    return payloadTooLarge(endpoint, `a single record is larger than Mixpanel accepts${verdict.body === '' ? '' : ` (${verdict.body})`}`)
  }
  // Halve and send the halves one after the other, so a split never multiplies the load.
  const middle = Math.ceil(records.length / 2)
  return (await deliver(p, records.slice(0, middle), offset, tally)) ?? deliver(p, records.slice(middle), offset + middle, tally)
}

const run = async (p: Plan): Promise<E.Either<MixpanelError, Receipt>> => {
  const { endpoint } = p
  const tally: Tally = { records: 0, attempts: 0, imported: 0, failed: [] }
  const error = await deliver(p, p.records, 0, tally)
  if (error !== undefined) return E.left(error)
  if (tally.failed.length > 0) return E.left(recordsRejected(endpoint, tally.failed, tally.imported))
  // Only strict `/import` answers say how many records were imported.
  return E.right({ endpoint, records: tally.records, attempts: tally.attempts, ...(endpoint === '/import' ? { imported: tally.imported } : {}) })
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
        return await run(planned.right)
      } catch (error) {
        // Unreachable by design (every step answers a value); kept so a platform bug cannot reject.
        return E.left(networkError(planned.right.endpoint, 1, `unexpected failure: ${error instanceof Error ? error.name : 'unknown'}`))
      }
    }
  }
