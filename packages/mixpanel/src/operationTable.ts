import type { either as E } from 'fp-ts'
import type { BuildEnv, MixpanelError, MixpanelRequest } from '@mp/core'
import { buildImportPayload, buildTrackPayload } from '@mp/events'
import { buildAliasPayload, buildIdentifyPayload, buildMergePayload } from '@mp/identity'
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
} from '@mp/people'
import {
  buildGroupDeletePayload,
  buildGroupRemovePayload,
  buildGroupSetOncePayload,
  buildGroupSetPayload,
  buildGroupUnionPayload,
  buildGroupUnsetPayload,
  buildGroupUpdatePayload,
} from '@mp/groups'

/** A builder with its input type erased, so one table can hold them all. */
export type AnyBuilder = (input: never, env?: BuildEnv) => E.Either<MixpanelError, MixpanelRequest>

/**
 * The builder behind each facade operation that makes one request (everything but `importEvents`).
 * The facade sends what it builds at once, or hands it to its queue; the actions of
 * `@mp/people` and friends are not needed, so they stay out of the bundle.
 * @example
 * OPERATIONS.track({ token, distinctId: 'u1', event: 'signup' }) // Right({ endpoint: '/track', … })
 */
export const OPERATIONS: Readonly<Record<string, AnyBuilder>> = {
  track: buildTrackPayload,
  importData: buildImportPayload,
  alias: buildAliasPayload,
  merge: buildMergePayload,
  identify: buildIdentifyPayload,
  peopleSet: buildPeopleSetPayload,
  peopleSetOnce: buildPeopleSetOncePayload,
  peopleIncrement: buildPeopleIncrementPayload,
  peopleAppend: buildPeopleAppendPayload,
  peopleUnion: buildPeopleUnionPayload,
  peopleRemove: buildPeopleRemovePayload,
  peopleUnset: buildPeopleUnsetPayload,
  peopleDelete: buildPeopleDeletePayload,
  peopleTrackCharge: buildPeopleTrackChargePayload,
  peopleClearCharges: buildPeopleClearChargesPayload,
  peopleUpdate: buildPeopleUpdatePayload,
  groupSet: buildGroupSetPayload,
  groupSetOnce: buildGroupSetOncePayload,
  groupUnion: buildGroupUnionPayload,
  groupRemove: buildGroupRemovePayload,
  groupUnset: buildGroupUnsetPayload,
  groupDelete: buildGroupDeletePayload,
  groupUpdate: buildGroupUpdatePayload,
}
