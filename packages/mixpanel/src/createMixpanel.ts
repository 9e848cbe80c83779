import { either as E } from 'fp-ts'
import { configError, normalizeConfig, validationError, type BuildEnv, type Config, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { importEvents } from '@mp/events'
import { alias, buildAliasPayload } from '@mp/identity'
import { createQueue, resolveQueueOptions, type Queue, type QueueOptions } from '@mp/queue'
import { operationTable, type AnyBuilder, type QueueableName } from './operationTable.ts'
import type { DirectMixpanel, MixpanelOptions, QueuedMixpanel } from './types.ts'

/** `createMixpanel`'s overloads: the queue option decides what operations answer. */
export interface CreateMixpanel {
  (config: Config, options: MixpanelOptions & { readonly queue: true | QueueOptions }): QueuedMixpanel
  (config: Config, options?: MixpanelOptions & { readonly queue?: false | undefined }): DirectMixpanel
  (config: Config, options?: MixpanelOptions): DirectMixpanel | QueuedMixpanel
}

// Spreading a hostile input (a Proxy whose traps throw) would throw; the facade must not.
const buildSafely = (build: AnyBuilder, input: unknown, token: string, env: BuildEnv | undefined): E.Either<MixpanelError, MixpanelRequest> => {
  try {
    return (build as (input: unknown, env?: BuildEnv) => E.Either<MixpanelError, MixpanelRequest>)({ ...(input as object), token }, env)
  } catch {
    return E.left(validationError('input', 'could not be read (a property getter threw)'))
  }
}

const readOptions = (options: unknown): E.Either<MixpanelError, { queue: QueueOptions | undefined; env: BuildEnv | undefined }> => {
  if (options === undefined) return E.right({ queue: undefined, env: undefined })
  if (typeof options !== 'object' || options === null) return E.left(configError('options', 'must be an object such as { queue: true }'))
  const { queue, env } = options as { queue?: unknown; env?: unknown }
  if (env !== undefined && (typeof env !== 'object' || env === null)) return E.left(configError('env', 'must be an object such as { now, insertId }'))
  if (queue === undefined || queue === false) return E.right({ queue: undefined, env: env as BuildEnv | undefined })
  if (queue === true) return E.right({ queue: {}, env: env as BuildEnv | undefined })
  if (typeof queue !== 'object' || queue === null) return E.left(configError('queue', 'must be true, false or queue options such as { flushAt: 500 }'))
  return E.right({ queue: queue as QueueOptions, env: env as BuildEnv | undefined })
}

const direct = (config: Config, env: BuildEnv | undefined): DirectMixpanel => {
  const table = operationTable()
  const ops: Record<string, unknown> = {}
  for (const [name, { action }] of Object.entries(table)) ops[name] = action(config, env)
  return { ...ops, alias: alias(config, env), importEvents: importEvents(config, env) } as unknown as DirectMixpanel
}

const queued = (config: Config, token: string, env: BuildEnv | undefined, queue: Queue): QueuedMixpanel => {
  const table = operationTable()
  const ops: Record<string, unknown> = {}
  for (const [name, { build }] of Object.entries(table) as Array<[QueueableName, { build: AnyBuilder }]>) {
    // Lazy like every TaskEither: the records are built and held when the task runs.
    ops[name] = (input: unknown) => () => {
      const built = buildSafely(build, input, token, env)
      return Promise.resolve(E.isLeft(built) ? built : queue.enqueue(built.right))
    }
  }
  return {
    ...ops,
    // Through the queue's `deliver`: sent at once, but refused after close and awaited by flush/close.
    alias: (input: unknown) => {
      const built = buildSafely(buildAliasPayload as AnyBuilder, input, token, env)
      return async () => (E.isLeft(built) ? built : queue.deliver(built.right)())
    },
    importEvents: importEvents(config, env),
    flush: () => queue.flush(),
    close: () => queue.close(),
    get size() {
      return queue.size
    },
  } as unknown as QueuedMixpanel
}

const refusing = (error: MixpanelError, withQueue: boolean): DirectMixpanel | QueuedMixpanel => {
  const fail = () => () => Promise.resolve(E.left(error))
  const ops: Record<string, unknown> = { alias: fail, importEvents: fail }
  for (const name of Object.keys(operationTable())) ops[name] = fail
  return (withQueue ? { ...ops, flush: fail, close: fail, size: 0 } : ops) as unknown as DirectMixpanel | QueuedMixpanel
}

const create = (config: Config, options?: MixpanelOptions): DirectMixpanel | QueuedMixpanel => {
  const wantsQueue = typeof options === 'object' && options !== null && options.queue !== undefined && options.queue !== false
  const read = readOptions(options)
  if (E.isLeft(read)) return refusing(read.left, wantsQueue)
  const { queue, env } = read.right
  if (queue === undefined) return direct(config, env)
  const resolved = normalizeConfig(config)
  if (E.isLeft(resolved)) return refusing(resolved.left, true)
  // Checked here too, so importEvents and alias refuse bad queue options like every other operation.
  const checked = resolveQueueOptions(queue)
  if (E.isLeft(checked)) return refusing(checked.left, true)
  return queued(config, resolved.right.token, env, createQueue(config, queue))
}

/**
 * One object with every Mixpanel operation (the contract's camelCase names), each answering a
 * `TaskEither`. Without a queue each call is one request and answers a `Receipt`. With
 * `{ queue: true }` (or queue options) operations answer `Queued` once their records are held,
 * and `flush`, `close` and `size` exist; `alias` and `importEvents` still go out at once.
 * A bad config makes every operation answer the same `ConfigError`; nothing throws.
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
