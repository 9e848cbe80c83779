/// <reference lib="esnext.disposable" preserve="true" />
import type { taskEither as TE } from 'fp-ts'
import type { BuildEnv, Config, MixpanelError, Receipt } from '@mp/core'
import type { Action } from '@mp/send'
import type { ImportEvent, ImportOptions, ImportReceipt } from '@mp/events'
import type { FlushReport, Queued, QueueOptions } from '@mp/queue'
import type * as events from '@mp/events'
import type * as identity from '@mp/identity'
import type * as people from '@mp/people'
import type * as groups from '@mp/groups'

/** The input an action takes. */
export type InputOf<A> = A extends Action<infer I> ? I : never

type Op<A, R> = (input: InputOf<A>) => TE.TaskEither<MixpanelError, R>

/**
 * Every operation of the contract, camelCase. `R` is what a held-or-sent operation answers:
 * a `Receipt` when it is sent at once, `Queued` when a queue holds it. `alias` and
 * `importEvents` always go out at once.
 */
export interface Operations<R> {
  readonly track: Op<typeof events.track, R>
  readonly importData: Op<typeof events.importData, R>
  /** Bulk import, chunked to the API's limits with `strict=1`; never queued. */
  readonly importEvents: (
    events: ReadonlyArray<ImportEvent> | Iterable<ImportEvent> | AsyncIterable<ImportEvent>,
    options?: ImportOptions,
  ) => TE.TaskEither<MixpanelError, ImportReceipt>
  /** Always sent at once, never held: Mixpanel must see the alias before events that use it. */
  readonly alias: Op<typeof identity.alias, Receipt>
  readonly merge: Op<typeof identity.merge, R>
  readonly identify: Op<typeof identity.identify, R>
  readonly peopleSet: Op<typeof people.peopleSet, R>
  readonly peopleSetOnce: Op<typeof people.peopleSetOnce, R>
  readonly peopleIncrement: Op<typeof people.peopleIncrement, R>
  readonly peopleAppend: Op<typeof people.peopleAppend, R>
  readonly peopleUnion: Op<typeof people.peopleUnion, R>
  readonly peopleRemove: Op<typeof people.peopleRemove, R>
  readonly peopleUnset: Op<typeof people.peopleUnset, R>
  readonly peopleDelete: Op<typeof people.peopleDelete, R>
  readonly peopleTrackCharge: Op<typeof people.peopleTrackCharge, R>
  readonly peopleClearCharges: Op<typeof people.peopleClearCharges, R>
  readonly peopleUpdate: Op<typeof people.peopleUpdate, R>
  readonly groupSet: Op<typeof groups.groupSet, R>
  readonly groupSetOnce: Op<typeof groups.groupSetOnce, R>
  readonly groupUnion: Op<typeof groups.groupUnion, R>
  readonly groupRemove: Op<typeof groups.groupRemove, R>
  readonly groupUnset: Op<typeof groups.groupUnset, R>
  readonly groupDelete: Op<typeof groups.groupDelete, R>
  readonly groupUpdate: Op<typeof groups.groupUpdate, R>
}

/** `createMixpanel` without a queue: every operation is one request. */
export type DirectMixpanel = Operations<Receipt>

/** `createMixpanel` with a queue: operations answer once their records are held. */
export interface QueuedMixpanel extends Operations<Queued> {
  /** Sends every held record; the report lists delivered and failed records per endpoint. */
  readonly flush: () => TE.TaskEither<MixpanelError, FlushReport>
  /** Flushes, then refuses new records with `QueueClosed`. */
  readonly close: () => TE.TaskEither<MixpanelError, FlushReport>
  /** Records held or in flight. */
  readonly size: number
}

/** Options of `createMixpanel` besides the config. */
export interface MixpanelOptions {
  /** `true` or queue options: batch operations through `@mp/queue`. Default: send each at once. */
  readonly queue?: boolean | QueueOptions | undefined
  /** Clock and insert-id source for the builders (tests, replay). */
  readonly env?: BuildEnv | undefined
}

type Promised<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => TE.TaskEither<MixpanelError, infer B> ? (...args: A) => Promise<B> : T[K]
}

/**
 * The Promise-style client of `Mixpanel(token, options)`: the same methods, resolving on
 * success and rejecting with `MixpanelException` (whose `.error` is the tagged error).
 */
export type PromiseMixpanel<R> = Promised<Operations<R>> & {
  /**
   * Sends every held record (resolves at once with an empty report when there is no queue).
   * Rejects with the first failure's error if any batch failed, like `BufferedConsumer.flush`
   * raising; records that failed transiently stay held for the next flush.
   */
  readonly flush: () => Promise<FlushReport>
  /** Flushes and refuses new records from then on. Rejects like `flush`. */
  readonly close: () => Promise<FlushReport>
  /** `await using mp = Mixpanel(token, { queue: true })` closes (and so flushes) at the end of the scope. */
  readonly [Symbol.asyncDispose]: () => Promise<void>
  /** Records held or in flight (0 without a queue). */
  readonly size: number
}

/** What `Mixpanel(token, options)` takes besides the token: the config fields plus the facade options. */
export type MixpanelClientOptions = Omit<Config, 'token'> & MixpanelOptions
