export { buildGroupSetPayload } from './buildGroupSetPayload.ts'
export { buildGroupSetOncePayload } from './buildGroupSetOncePayload.ts'
export { buildGroupUnionPayload } from './buildGroupUnionPayload.ts'
export { buildGroupRemovePayload } from './buildGroupRemovePayload.ts'
export { buildGroupUnsetPayload } from './buildGroupUnsetPayload.ts'
export { buildGroupDeletePayload } from './buildGroupDeletePayload.ts'
export { buildGroupUpdatePayload } from './buildGroupUpdatePayload.ts'
export { groupSet } from './groupSet.ts'
export { groupSetOnce } from './groupSetOnce.ts'
export { groupUnion } from './groupUnion.ts'
export { groupRemove } from './groupRemove.ts'
export { groupUnset } from './groupUnset.ts'
export { groupDelete } from './groupDelete.ts'
export { groupUpdate } from './groupUpdate.ts'
export type {
  GroupBuilder,
  GroupDeleteInput,
  GroupPropertiesInput,
  GroupRef,
  GroupUnionInput,
  GroupUnsetInput,
  GroupUpdateInput,
} from './types.ts'
