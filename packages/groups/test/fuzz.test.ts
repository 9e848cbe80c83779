// Property-based fuzzing of every group (/groups) builder.
import fc from 'fast-check'
import {
  buildGroupDeletePayload,
  buildGroupRemovePayload,
  buildGroupSetOncePayload,
  buildGroupSetPayload,
  buildGroupUnionPayload,
  buildGroupUnsetPayload,
  buildGroupUpdatePayload,
} from '@mp/groups'
import { fuzzBuilders, type BuilderSpec } from '../../core/test/test-builder-fuzz.ts'
import { defineAll, validName } from '../../core/test/test-fuzz.ts'
import { listsValue, namesValue, propertiesValue, withMeta } from '../../core/test/test-profile-fuzz.ts'

const ref = { token: validName, groupKey: validName, groupId: validName }

const message = fc
  .tuple(
    validName,
    validName,
    fc.oneof(
      fc.tuple(fc.constantFrom('$set', '$set_once', '$remove'), propertiesValue),
      fc.tuple(fc.constant('$union'), listsValue),
      fc.tuple(fc.constant('$unset'), namesValue),
      fc.tuple(fc.constant('$delete'), fc.constant('')),
    ),
  )
  .map(([groupKey, groupId, [op, value]]) => defineAll([['$group_key', groupKey], ['$group_id', groupId], [op, value]]))

// A profile update's `meta` and a raw update's `message` reach Mixpanel unchecked, as in mixpanel-python.
const specs: ReadonlyArray<BuilderSpec> = [
  { name: 'buildGroupSetPayload', build: buildGroupSetPayload, valid: withMeta({ ...ref, properties: propertiesValue }) },
  { name: 'buildGroupSetOncePayload', build: buildGroupSetOncePayload, valid: withMeta({ ...ref, properties: propertiesValue }) },
  { name: 'buildGroupUnionPayload', build: buildGroupUnionPayload, valid: withMeta({ ...ref, properties: listsValue }) },
  { name: 'buildGroupRemovePayload', build: buildGroupRemovePayload, valid: withMeta({ ...ref, properties: propertiesValue }) },
  { name: 'buildGroupUnsetPayload', build: buildGroupUnsetPayload, valid: withMeta({ ...ref, properties: namesValue }) },
  { name: 'buildGroupDeletePayload', build: buildGroupDeletePayload, valid: withMeta(ref) },
  { name: 'buildGroupUpdatePayload', build: buildGroupUpdatePayload, valid: withMeta({ token: validName, message }), passThrough: ['message'] },
]

fuzzBuilders(specs.map((spec) => ({ ...spec, passThrough: ['meta', ...(spec.passThrough ?? [])] })))
