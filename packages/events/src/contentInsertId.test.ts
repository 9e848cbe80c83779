import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonicalJson.ts'
import { contentInsertId } from './contentInsertId.ts'
import { sha256Hex } from './sha256Hex.ts'

describe('contentInsertId', () => {
  const properties = { distinct_id: 'u1', time: 1_700_000_000, plan: 'pro' }

  it('is the first 32 hex digits of SHA-256 over canonical [event, properties]', async () => {
    const id = await contentInsertId('signup', properties)
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(id).toBe((await sha256Hex(canonicalJson(['signup', properties]))).slice(0, 32))
  })

  it('ignores key order, token and any $insert_id', async () => {
    expect(await contentInsertId('signup', { plan: 'pro', time: 1_700_000_000, distinct_id: 'u1', token: 'T', $insert_id: 'x' })).toBe(
      await contentInsertId('signup', properties),
    )
  })

  it('changes with the event name or any property', async () => {
    const base = await contentInsertId('signup', properties)
    expect(await contentInsertId('login', properties)).not.toBe(base)
    expect(await contentInsertId('signup', { ...properties, time: 1_700_000_001 })).not.toBe(base)
    expect(await contentInsertId('signup', { ...properties, plan: 'free' })).not.toBe(base)
  })

  it('gives 5000 distinct ids for 5000 distinct events', async () => {
    const ids = new Set(await Promise.all(Array.from({ length: 5000 }, (_, i) => contentInsertId('e', { distinct_id: `u${i % 7}`, time: 1_700_000_000 + i }))))
    expect(ids.size).toBe(5000)
  })
})
