// Property-based fuzzing of the identity builders ($create_alias, $merge, $identify), against an
// emulated Original ID Merge project: Simplified ID Merge refuses these events on /import.
import fc from 'fast-check'
import { buildAliasPayload, buildIdentifyPayload, buildMergePayload } from '@mp/identity'
import { fuzzBuilders } from '../../core/test/test-builder-fuzz.ts'
import { defineAll, safeObject, validId, validName } from '../../core/test/test-fuzz.ts'

// `meta` merges into the record's top level; it must not replace `event` or `properties`.
const meta = safeObject(2).map((o) => defineAll(Object.entries(o).filter(([k]) => k !== 'event' && k !== 'properties')))

const twoIds = fc.tuple(validId, validId).filter(([a, b]) => a !== b)

fuzzBuilders([
  {
    name: 'buildAliasPayload',
    build: buildAliasPayload,
    valid: fc.tuple(validName, twoIds, fc.option(meta, { nil: undefined })).map(([token, [aliasId, original], m]) =>
      defineAll([['token', token], ['aliasId', aliasId], ['original', original], ...(m === undefined ? [] : [['meta', m] as const])]),
    ),
  },
  {
    name: 'buildMergePayload',
    build: buildMergePayload,
    valid: fc.tuple(validName, twoIds, fc.option(meta, { nil: undefined })).map(([token, [distinctId1, distinctId2], m]) =>
      defineAll([['token', token], ['distinctId1', distinctId1], ['distinctId2', distinctId2], ...(m === undefined ? [] : [['meta', m] as const])]),
    ),
  },
  {
    name: 'buildIdentifyPayload',
    build: buildIdentifyPayload,
    valid: fc.tuple(validName, twoIds, fc.option(meta, { nil: undefined })).map(([token, [identifiedId, anonId], m]) =>
      defineAll([['token', token], ['identifiedId', identifiedId], ['anonId', anonId], ...(m === undefined ? [] : [['meta', m] as const])]),
    ),
  },
], { idMerge: 'original' })
