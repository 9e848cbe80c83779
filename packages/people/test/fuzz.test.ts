// Property-based fuzzing of every people (/engage) builder.
import fc from 'fast-check'
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
import { fuzzBuilders, type BuilderSpec } from '../../core/test/test-builder-fuzz.ts'
import { defineAll, safeObject, validId, validName } from '../../core/test/test-fuzz.ts'
import { listsValue, namesValue, numbersValue, propertiesValue, withMeta } from '../../core/test/test-profile-fuzz.ts'

const id = { token: validName, distinctId: validId }

const message = fc
  .tuple(
    validId,
    fc.oneof(
      fc.tuple(fc.constantFrom('$set', '$set_once', '$append', '$remove'), propertiesValue),
      fc.tuple(fc.constant('$add'), numbersValue),
      fc.tuple(fc.constant('$union'), listsValue),
      fc.tuple(fc.constant('$unset'), namesValue),
      fc.tuple(fc.constant('$delete'), fc.constant('')),
    ),
  )
  .map(([distinctId, [op, value]]) => defineAll([['$distinct_id', distinctId], [op, value]]))

// A profile update's `meta` and a raw update's `message` reach Mixpanel unchecked, as in mixpanel-python.
const specs: ReadonlyArray<BuilderSpec> = [
  { name: 'buildPeopleSetPayload', build: buildPeopleSetPayload, valid: withMeta({ ...id, properties: propertiesValue }) },
  { name: 'buildPeopleSetOncePayload', build: buildPeopleSetOncePayload, valid: withMeta({ ...id, properties: propertiesValue }) },
  { name: 'buildPeopleIncrementPayload', build: buildPeopleIncrementPayload, valid: withMeta({ ...id, properties: numbersValue }) },
  { name: 'buildPeopleAppendPayload', build: buildPeopleAppendPayload, valid: withMeta({ ...id, properties: propertiesValue }) },
  { name: 'buildPeopleUnionPayload', build: buildPeopleUnionPayload, valid: withMeta({ ...id, properties: listsValue }) },
  { name: 'buildPeopleRemovePayload', build: buildPeopleRemovePayload, valid: withMeta({ ...id, properties: propertiesValue }) },
  { name: 'buildPeopleUnsetPayload', build: buildPeopleUnsetPayload, valid: withMeta({ ...id, properties: namesValue }) },
  { name: 'buildPeopleDeletePayload', build: buildPeopleDeletePayload, valid: withMeta(id) },
  { name: 'buildPeopleClearChargesPayload', build: buildPeopleClearChargesPayload, valid: withMeta(id) },
  {
    name: 'buildPeopleTrackChargePayload',
    build: buildPeopleTrackChargePayload,
    valid: withMeta({ ...id, amount: fc.double({ noNaN: true, noDefaultInfinity: true }), properties: safeObject(2) }),
  },
  { name: 'buildPeopleUpdatePayload', build: buildPeopleUpdatePayload, valid: withMeta({ token: validName, message }), passThrough: ['message'] },
]

fuzzBuilders(specs.map((spec) => ({ ...spec, passThrough: ['meta', ...(spec.passThrough ?? [])] })))
