import { either as E, type taskEither as TE } from 'fp-ts'
import { toPromise, type MixpanelError, type Receipt } from '@mp/core'
import type { FlushReport, Queued, QueueOptions } from '@mp/queue'
import { createMixpanel } from './createMixpanel.ts'
import type { DirectMixpanel, MixpanelClientOptions, PromiseMixpanel, QueuedMixpanel } from './types.ts'

/** `Mixpanel`'s call and construct signatures: `Mixpanel(token)` and `new Mixpanel(token)` both work. */
export interface MixpanelFactory {
  (token: string, options: MixpanelClientOptions & { readonly queue: true | QueueOptions }): PromiseMixpanel<Queued>
  (token: string, options?: MixpanelClientOptions): PromiseMixpanel<Receipt>
  new (token: string, options: MixpanelClientOptions & { readonly queue: true | QueueOptions }): PromiseMixpanel<Queued>
  new (token: string, options?: MixpanelClientOptions): PromiseMixpanel<Receipt>
}

const EMPTY_REPORT: FlushReport = { delivered: 0, failed: 0, attempts: 0, remaining: 0, endpoints: {}, failures: [] }

// A flush that left batches undelivered rejects, as mixpanel-python's flush raises; the error
// is the first failure's (its records are still held when the failure was transient).
const strict = (task: TE.TaskEither<MixpanelError, FlushReport>): Promise<FlushReport> =>
  toPromise(async () => {
    const result = await task()
    const first = E.isLeft(result) ? undefined : result.right.failures[0]
    return first === undefined ? result : E.left(first.error)
  })

type AnyOperation = (...args: ReadonlyArray<unknown>) => TE.TaskEither<MixpanelError, unknown>

const toClient = (mp: DirectMixpanel | QueuedMixpanel): Record<PropertyKey, unknown> => {
  const client: Record<PropertyKey, unknown> = {}
  for (const [name, op] of Object.entries(mp) as Array<[string, AnyOperation]>) {
    if (name !== 'flush' && name !== 'close' && name !== 'size') client[name] = (...args: ReadonlyArray<unknown>) => toPromise(op(...args))
  }
  // Without a queue there is nothing to flush: flush and close answer an empty report.
  const settle = (name: 'flush' | 'close') => (): Promise<FlushReport> =>
    name in mp ? strict((mp as QueuedMixpanel)[name]()) : Promise.resolve(EMPTY_REPORT)
  const close = settle('close')
  client['flush'] = settle('flush')
  client['close'] = close
  Object.defineProperty(client, 'size', { get: () => ('size' in mp ? mp.size : 0), enumerable: true })
  // Runtimes without explicit resource management simply lack `await using`; close() still works.
  const asyncDispose: unknown = (Symbol as { readonly asyncDispose?: symbol }).asyncDispose
  if (typeof asyncDispose === 'symbol') client[asyncDispose] = () => close().then(() => undefined)
  return client
}

const open = (token: string, options: unknown): DirectMixpanel | QueuedMixpanel => {
  // Not an object: let createMixpanel refuse it with a ConfigError for every call.
  if (options !== undefined && (typeof options !== 'object' || options === null)) return createMixpanel({ token }, options as never)
  const { queue, env, ...rest } = (options ?? {}) as MixpanelClientOptions
  return createMixpanel({ ...rest, token }, { queue, env })
}

/**
 * The Promise-style client for people coming from mixpanel-python: the same methods as
 * `createMixpanel` (camelCase, object inputs), resolving on success and rejecting with
 * `MixpanelException` whose `.error` is the tagged `MixpanelError`. Options are the `Config`
 * fields besides `token`, plus `queue` (the `BufferedConsumer` replacement) and `env`.
 * `close()` (or `await using`) flushes on exit, which mixpanel-python never did.
 * @example
 * import { Mixpanel, MixpanelException } from '@mp/mixpanel'
 * await using mp = Mixpanel('YOUR_TOKEN', { queue: { flushAt: 500 } })
 * try {
 *   await mp.track({ distinctId: 'u1', event: 'signup', properties: { plan: 'pro' } })
 * } catch (e) {
 *   if (e instanceof MixpanelException) console.error(e.error._tag, e.message)
 * }
 */
export const Mixpanel: MixpanelFactory = function Mixpanel(token: string, options?: MixpanelClientOptions) {
  try {
    return toClient(open(token, options))
  } catch {
    // Only hostile option objects (throwing getters, proxies) get here: every call rejects with a ConfigError.
    return toClient(createMixpanel({ token }, null as never))
  }
} as unknown as MixpanelFactory

