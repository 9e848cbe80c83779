import { either as E } from 'fp-ts'
import { configError, describeValue, normalizeConfig, unreadable, validationError, type BuildEnv, type Config, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { importEvents } from '@mp/events'
import { idMergeRefusal } from '@mp/identity'
import { createQueue, resolveQueueOptions, type QueueOptions } from '@mp/queue'
import { send } from '@mp/send'
import { OPERATIONS, type AnyBuilder } from './operationTable.ts'
import type { DirectMixpanel, MixpanelOptions, QueuedMixpanel } from './types.ts'

/** `createMixpanel`'s overloads: the queue option decides what operations answer. */
export interface CreateMixpanel {
  (config: Config, options: MixpanelOptions & { readonly queue: true | QueueOptions }): QueuedMixpanel
  (config: Config, options?: MixpanelOptions & { readonly queue?: false | undefined }): DirectMixpanel
  (config: Config, options?: MixpanelOptions): DirectMixpanel | QueuedMixpanel
}

type Outcome = E.Either<MixpanelError, unknown>

/** Where a built request goes: sent at once, or held by the queue. */
type Dispatch = (name: string, request: MixpanelRequest) => Outcome | Promise<Outcome>

// Spreading a hostile input (a Proxy whose traps throw) would throw; the facade must not.
const buildSafely = (build: AnyBuilder, input: unknown, token: string, env: BuildEnv | undefined): E.Either<MixpanelError, MixpanelRequest> => {
  if (typeof input !== 'object' || input === null) return E.left(validationError('input', `must be an object, got ${describeValue(input)}`))
  try {
    return (build as (input: unknown, env?: BuildEnv) => E.Either<MixpanelError, MixpanelRequest>)({ ...input, token }, env)
  } catch (cause) {
    return E.left(unreadable('input', cause))
  }
}

// Every operation: importEvents (bulk, always direct) and the rest from the one table. Lazy like
// every TaskEither: the request is built and dispatched when the task runs. On a Simplified ID Merge
// project (`idMerge: 'simplified'`) alias, merge and identify are refused: Mixpanel ignores them there.
const operations = (config: Config, token: string, env: BuildEnv | undefined, dispatch: Dispatch, simplified: boolean): Record<string, unknown> => {
  const ops: Record<string, unknown> = { importEvents: importEvents(config, env) }
  for (const [name, build] of Object.entries(OPERATIONS)) {
    const refused = simplified && ['alias', 'merge', 'identify'].includes(name) ? idMergeRefusal(name) : undefined
    ops[name] = (input: unknown) => async () => {
      const built = refused === undefined ? buildSafely(build, input, token, env) : E.left(refused)
      return E.isLeft(built) ? built : dispatch(name, built.right)
    }
  }
  return ops
}

const refusing = (error: MixpanelError, withQueue: boolean): DirectMixpanel | QueuedMixpanel => {
  const fail = () => async () => E.left(error)
  const ops: Record<string, unknown> = { importEvents: fail }
  for (const name of Object.keys(OPERATIONS)) ops[name] = fail
  return (withQueue ? { ...ops, flush: fail, close: fail, size: 0 } : ops) as unknown as DirectMixpanel | QueuedMixpanel
}

const create = (config: Config, options: MixpanelOptions = {}): DirectMixpanel | QueuedMixpanel => {
  if (typeof options !== 'object' || options === null) return refusing(configError('options', 'must be an object such as { queue: true }'), false)
  const { queue, env } = options
  const wantsQueue = queue !== undefined && queue !== false
  if (env !== undefined && (typeof env !== 'object' || env === null)) return refusing(configError('env', 'must be an object such as { now, insertId }'), wantsQueue)
  const resolved = normalizeConfig(config)
  if (E.isLeft(resolved)) return refusing(resolved.left, wantsQueue)
  const { token } = resolved.right
  const simplified = resolved.right.idMerge === 'simplified'
  if (!wantsQueue) {
    const sender = send(config)
    return operations(config, token, env, (_, request) => sender(request)(), simplified) as unknown as DirectMixpanel
  }
  // Checked here too, so importEvents and alias refuse bad queue options like every other operation.
  const queueOptions = queue === true ? {} : queue
  const checked = resolveQueueOptions(queueOptions)
  if (E.isLeft(checked)) return refusing(checked.left, true)
  const buffer = createQueue(config, queueOptions)
  return {
    // alias goes through the queue's `deliver`: sent at once, but refused after close and awaited by flush/close.
    ...operations(config, token, env, (name, request) => (name === 'alias' ? buffer.deliver(request)() : buffer.enqueue(request)), simplified),
    flush: () => buffer.flush(),
    close: () => buffer.close(),
    get size() {
      return buffer.size
    },
  } as unknown as QueuedMixpanel
}

/**
 * One object with every Mixpanel operation (the contract's camelCase names), each answering a
 * `TaskEither`. Without a queue each call is one request and answers a `Receipt`. With
 * `{ queue: true }` (or queue options) operations answer `Queued` once their records are held,
 * and `flush`, `close` and `size` exist; `alias` and `importEvents` still go out at once.
 * A bad config makes every operation answer the same `ConfigError`; nothing throws. With
 * `idMerge: 'simplified'` in the config, `alias`, `merge` and `identify` answer a `ConfigError` on
 * `idMerge` and send nothing; `track` with `deviceId` and `userId` links ids there.
 * @example
 * import { createMixpanel } from '@mp/mixpanel'
 * const mp = createMixpanel({ token, apiSecret }, { queue: { flushAt: 500 } })
 * await mp.track({ distinctId: 'u1', event: 'signup' })()    // Right({ status: 'held', … })
 * await mp.peopleSet({ distinctId: 'u1', properties: { plan: 'pro' } })()
 * await mp.close()()                                         // Right({ delivered: 2, … })
 */
export const createMixpanel: CreateMixpanel = ((config: Config, options?: MixpanelOptions) => {
  try {
    return create(config, options)
  } catch {
    // Only hostile option objects (throwing getters, proxies) get here.
    return refusing(configError('options', 'could not be read'), false)
  }
}) as CreateMixpanel
