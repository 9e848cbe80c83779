export { buildPeopleSetPayload } from './buildPeopleSetPayload.ts'
export { buildPeopleSetOncePayload } from './buildPeopleSetOncePayload.ts'
export { buildPeopleIncrementPayload } from './buildPeopleIncrementPayload.ts'
export { buildPeopleAppendPayload } from './buildPeopleAppendPayload.ts'
export { buildPeopleUnionPayload } from './buildPeopleUnionPayload.ts'
export { buildPeopleRemovePayload } from './buildPeopleRemovePayload.ts'
export { buildPeopleUnsetPayload } from './buildPeopleUnsetPayload.ts'
export { buildPeopleDeletePayload } from './buildPeopleDeletePayload.ts'
export { buildPeopleTrackChargePayload } from './buildPeopleTrackChargePayload.ts'
export { buildPeopleClearChargesPayload } from './buildPeopleClearChargesPayload.ts'
export { buildPeopleUpdatePayload } from './buildPeopleUpdatePayload.ts'
export { peopleSet } from './peopleSet.ts'
export { peopleSetOnce } from './peopleSetOnce.ts'
export { peopleIncrement } from './peopleIncrement.ts'
export { peopleAppend } from './peopleAppend.ts'
export { peopleUnion } from './peopleUnion.ts'
export { peopleRemove } from './peopleRemove.ts'
export { peopleUnset } from './peopleUnset.ts'
export { peopleDelete } from './peopleDelete.ts'
export { peopleTrackCharge } from './peopleTrackCharge.ts'
export { peopleClearCharges } from './peopleClearCharges.ts'
export { peopleUpdate } from './peopleUpdate.ts'
export type {
  PeopleBuilder,
  PeopleIdInput,
  PeopleIncrementInput,
  PeoplePropertiesInput,
  PeopleTrackChargeInput,
  PeopleUnionInput,
  PeopleUnsetInput,
  PeopleUpdateInput,
} from './types.ts'
