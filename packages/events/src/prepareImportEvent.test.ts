import { describe, expect, it } from 'vitest'
import { contentInsertId } from './contentInsertId.ts'
import { prepareImportEvent } from './prepareImportEvent.ts'
import { leftOf, rightOf } from './test-either.ts'

const now = Date.UTC(2024, 0, 15)
const time = now / 1000 - 86_400

describe('prepareImportEvent', () => {
  it('fills token and a content-derived $insert_id, keeping the caller properties in order', async () => {
    const { record } = rightOf(await prepareImportEvent({ event: 'signup', properties: { distinct_id: 'u1', time, plan: 'pro' } }, 'TOKEN', now))
    expect(record).toEqual({
      event: 'signup',
      properties: { distinct_id: 'u1', time, plan: 'pro', token: 'TOKEN', $insert_id: await contentInsertId('signup', { distinct_id: 'u1', time, plan: 'pro' }) },
    })
  })

  it('keeps a token and $insert_id the caller gave, and drops other top-level keys', async () => {
    const { record } = rightOf(await prepareImportEvent({ event: 'e', properties: { distinct_id: 'u1', time, token: 'MINE', $insert_id: 'id-7' }, extra: 1 }, 'TOKEN', now))
    expect(record).toEqual({ event: 'e', properties: { distinct_id: 'u1', time, token: 'MINE', $insert_id: 'id-7' } })
  })

  it('gives the same record for the same event every time (re-runs deduplicate)', async () => {
    const event = { event: 'e', properties: { distinct_id: 'u1', time, at: new Date(now) } }
    expect(await prepareImportEvent(event, 'T', now)).toEqual(await prepareImportEvent(structuredClone(event), 'T', now))
  })

  it.each([
    [null, 'record', 'Invalid record: must be an object such as { event, properties: { distinct_id, time } }'],
    [{ event: 'e' }, 'properties', 'Invalid properties: is required: an object with at least distinct_id and time'],
    [{ event: 'e', properties: { time } }, 'properties.distinct_id', 'Invalid properties.distinct_id: must be a string'],
    [{ event: 'e', properties: { distinct_id: 'u1' } }, 'properties.time', 'Invalid properties.time: is required by /import: seconds since the epoch when the event happened'],
    [{ properties: { distinct_id: 'u1', time } }, 'event', `Invalid event: must be a non-empty string (the event's name), got undefined`],
    [{ event: 'e', properties: { distinct_id: 'u1', time, big: 10n } }, 'properties.big', 'Invalid properties.big: a bigint is not JSON'],
  ])('refuses bad event #%# at its path', async (raw, path, message) => {
    expect(leftOf(await prepareImportEvent(raw, 'T', now))).toEqual({ _tag: 'ValidationError', path, message })
  })
})
