import type { either as E, taskEither as TE } from 'fp-ts'
import type { BuildEnv, Config, MixpanelError, MixpanelRequest, Receipt } from '@mp/core'
import { buildImportPayload, buildTrackPayload, importData, track } from '@mp/events'
import { buildIdentifyPayload, buildMergePayload, identify, merge } from '@mp/identity'
import {
  buildPeopleAppendPayload,
  buildPeopleClearChargesPayload,
  buildPeopleDeletePayload,
  buildPeopleIncrementPayload,
  buildPeopleRemovePayload,
  buildPeopleSetOncePayload,
  buildPeopleSetPayload,
  buildPeopleTrackChargePayload,
  buildPeopleUnionPayload,
  buildPeopleUnsetPayload,
  buildPeopleUpdatePayload,
  peopleAppend,
  peopleClearCharges,
  peopleDelete,
  peopleIncrement,
  peopleRemove,
  peopleSet,
  peopleSetOnce,
  peopleTrackCharge,
  peopleUnion,
  peopleUnset,
  peopleUpdate,
} from '@mp/people'
import {
  buildGroupDeletePayload,
  buildGroupRemovePayload,
  buildGroupSetOncePayload,
  buildGroupSetPayload,
  buildGroupUnionPayload,
  buildGroupUnsetPayload,
  buildGroupUpdatePayload,
  groupDelete,
  groupRemove,
  groupSet,
  groupSetOnce,
  groupUnion,
  groupUnset,
  groupUpdate,
} from '@mp/groups'

/** A builder with its input type erased, so one table can hold them all. */
export type AnyBuilder = (input: never, env?: BuildEnv) => E.Either<MixpanelError, MixpanelRequest>

/** An action with its input type erased. */
export type AnyAction = (config: Config, env?: BuildEnv) => (input: never) => TE.TaskEither<MixpanelError, Receipt>

/** The operations a queue may hold: everything but `alias` (sent at once) and `importEvents` (bulk, direct). */
export type QueueableName =
  | 'track'
  | 'importData'
  | 'merge'
  | 'identify'
  | 'peopleSet'
  | 'peopleSetOnce'
  | 'peopleIncrement'
  | 'peopleAppend'
  | 'peopleUnion'
  | 'peopleRemove'
  | 'peopleUnset'
  | 'peopleDelete'
  | 'peopleTrackCharge'
  | 'peopleClearCharges'
  | 'peopleUpdate'
  | 'groupSet'
  | 'groupSetOnce'
  | 'groupUnion'
  | 'groupRemove'
  | 'groupUnset'
  | 'groupDelete'
  | 'groupUpdate'

/**
 * Each queueable operation's builder (for the queue) and action (for sending at once).
 * @example
 * operationTable().track.build({ token, distinctId: 'u1', event: 'signup' })
 */
export const operationTable = (): Readonly<Record<QueueableName, { readonly build: AnyBuilder; readonly action: AnyAction }>> => ({
  track: { build: buildTrackPayload, action: track },
  importData: { build: buildImportPayload, action: importData },
  merge: { build: buildMergePayload, action: merge },
  identify: { build: buildIdentifyPayload, action: identify },
  peopleSet: { build: buildPeopleSetPayload, action: peopleSet },
  peopleSetOnce: { build: buildPeopleSetOncePayload, action: peopleSetOnce },
  peopleIncrement: { build: buildPeopleIncrementPayload, action: peopleIncrement },
  peopleAppend: { build: buildPeopleAppendPayload, action: peopleAppend },
  peopleUnion: { build: buildPeopleUnionPayload, action: peopleUnion },
  peopleRemove: { build: buildPeopleRemovePayload, action: peopleRemove },
  peopleUnset: { build: buildPeopleUnsetPayload, action: peopleUnset },
  peopleDelete: { build: buildPeopleDeletePayload, action: peopleDelete },
  peopleTrackCharge: { build: buildPeopleTrackChargePayload, action: peopleTrackCharge },
  peopleClearCharges: { build: buildPeopleClearChargesPayload, action: peopleClearCharges },
  peopleUpdate: { build: buildPeopleUpdatePayload, action: peopleUpdate },
  groupSet: { build: buildGroupSetPayload, action: groupSet },
  groupSetOnce: { build: buildGroupSetOncePayload, action: groupSetOnce },
  groupUnion: { build: buildGroupUnionPayload, action: groupUnion },
  groupRemove: { build: buildGroupRemovePayload, action: groupRemove },
  groupUnset: { build: buildGroupUnsetPayload, action: groupUnset },
  groupDelete: { build: buildGroupDeletePayload, action: groupDelete },
  groupUpdate: { build: buildGroupUpdatePayload, action: groupUpdate },
})
