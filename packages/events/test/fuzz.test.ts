// Property-based fuzzing of the event builders: hostile input never throws, every hostile value is
// refused at its path, and whatever is built the emulator accepts in strict mode.
import fc from 'fast-check'
import { isPlaceholderId } from '@mp/core'
import { buildImportPayload, buildTrackPayload } from '@mp/events'
import { fuzzBuilders } from '../../core/test/test-builder-fuzz.ts'
import { defineAll, safeObject, validId, validName } from '../../core/test/test-fuzz.ts'

const DAY_S = 24 * 3600
const nowS = (): number => Date.now() / 1000

// Keys with rules of their own; the generic properties avoid them and `specialProperties` sets them validly.
const DEFAULT_KEYS = new Set(['token', 'distinct_id', 'time', '$insert_id', 'mp_lib', '$lib_version'])

const insertId = fc.stringMatching(/^[A-Za-z0-9-]{1,36}$/).filter((s) => !isPlaceholderId(s))

const withoutKeys = (keys: ReadonlySet<string>) => (o: Record<string, unknown>) =>
  defineAll(Object.keys(o).filter((k) => !keys.has(k)).map((k) => [k, o[k]] as const))

// Property values nest at most 3 levels, Mixpanel's limit.
const properties = (time: fc.Arbitrary<number>) =>
  fc
    .tuple(
      safeObject(4).map(withoutKeys(DEFAULT_KEYS)),
      fc.record({ token: validName, distinct_id: validId, time, $insert_id: insertId, mp_lib: fc.string(), $lib_version: fc.string() }, { requiredKeys: [] }),
    )
    .map(([generic, special]) => defineAll([...Object.entries(generic), ...Object.entries(special)]))

// `meta` merges into the record's top level; it must not replace `event` or `properties`.
const meta = safeObject(2).map(withoutKeys(new Set(['event', 'properties'])))

// /track keeps events up to 5 days old; the builder checks against its clock, the emulator later.
const trackTime = fc.double({ min: -4 * DAY_S, max: DAY_S, noNaN: true }).map((offset) => nowS() + offset)
// /import: 1971-01-01 to an hour from now, in seconds or milliseconds.
const importTime = fc.oneof(
  fc.integer({ min: 31_600_000, max: Math.floor(nowS()) - 60 }),
  fc.double({ min: 31_600_000, max: nowS() - 60, noNaN: true }),
  fc.integer({ min: 31_600_000_000, max: Date.now() - 60_000 }),
)

const trackInput = fc.record(
  { token: validName, distinctId: validId, event: validName, properties: properties(trackTime), meta },
  { requiredKeys: ['token', 'distinctId', 'event'] },
)

const importInput = fc.record(
  { token: validName, distinctId: validId, event: validName, timestamp: importTime, properties: properties(importTime), meta },
  { requiredKeys: ['token', 'distinctId', 'event', 'timestamp'] },
)

// Simplified ID Merge ids instead of distinctId: deviceId and/or userId, neither with the `$device:` prefix.
const simplifiedId = validId.filter((s) => !s.startsWith('$device:'))
const withIds = (input: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(input, fc.record({ deviceId: simplifiedId, userId: simplifiedId }, { requiredKeys: [] }))
    .filter(([, ids]) => ids.deviceId !== undefined || ids.userId !== undefined)
    .map(([base, ids]) => defineAll([...Object.entries(base).filter(([k]) => k !== 'distinctId'), ...Object.entries(ids)]))

// Against an emulated Simplified ID Merge project, the emulator's default.
fuzzBuilders([
  { name: 'buildTrackPayload', build: buildTrackPayload, valid: trackInput },
  { name: 'buildImportPayload', build: buildImportPayload, valid: importInput },
  { name: 'buildTrackPayload (deviceId / userId)', build: buildTrackPayload, valid: withIds(trackInput) },
  { name: 'buildImportPayload (deviceId / userId)', build: buildImportPayload, valid: withIds(importInput) },
])
