import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonicalJson.ts'
import { contentInsertId } from './contentInsertId.ts'
import { sha256Hex } from './sha256Hex.ts'

describe('contentInsertId', () => {
  const properties = { distinct_id: 'u1', time: 1_700_000_000, plan: 'pro' }

  it('is the first 32 hex digits of SHA-256 over canonical [event, properties]', () => {
    const id = contentInsertId('signup', properties)
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(id).toBe(sha256Hex(canonicalJson(['signup', properties])).slice(0, 32))
  })

  it('ignores key order, token and any $insert_id', () => {
    expect(contentInsertId('signup', { plan: 'pro', time: 1_700_000_000, distinct_id: 'u1', token: 'T', $insert_id: 'x' })).toBe(
      contentInsertId('signup', properties),
    )
  })

  it('changes with the event name or any property', () => {
    const base = contentInsertId('signup', properties)
    expect(contentInsertId('login', properties)).not.toBe(base)
    expect(contentInsertId('signup', { ...properties, time: 1_700_000_001 })).not.toBe(base)
    expect(contentInsertId('signup', { ...properties, plan: 'free' })).not.toBe(base)
  })

  it('gives 5000 distinct ids for 5000 distinct events', () => {
    const ids = new Set(Array.from({ length: 5000 }, (_, i) => contentInsertId('e', { distinct_id: `u${i % 7}`, time: 1_700_000_000 + i })))
    expect(ids.size).toBe(5000)
  })
})
