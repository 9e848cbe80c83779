import { describe, expect, it } from 'vitest'
import { recordsOf } from './recordsOf.ts'

describe('recordsOf', () => {
  it('wraps an object and keeps an array of objects', () => {
    expect(recordsOf({ a: 1 })).toEqual({ ok: true, records: [{ a: 1 }] })
    expect(recordsOf([{ a: 1 }, { b: 2 }])).toEqual({ ok: true, records: [{ a: 1 }, { b: 2 }] })
  })
  it('refuses anything else', () => {
    for (const bad of [null, 1, 'x', [{ a: 1 }, 2], [[]]]) expect(recordsOf(bad).ok).toBe(false)
  })
})
