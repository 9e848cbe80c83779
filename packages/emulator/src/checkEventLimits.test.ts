import { describe, expect, it } from 'vitest'
import { checkEventLimits } from './checkEventLimits.ts'

const props = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, i]))

describe('checkEventLimits', () => {
  it('allows 254 properties, refuses 255', () => {
    expect(checkEventLimits(props(254))).toBeUndefined()
    expect(checkEventLimits(props(255))).toEqual({
      field: 'properties',
      message: "'properties' is invalid: must have fewer than 255 properties (got 255)",
    })
  })
  it('allows nesting 3 levels deep, refuses 4', () => {
    expect(checkEventLimits({ a: { b: { c: [1] } } })).toBeUndefined()
    expect(checkEventLimits({ a: { b: { c: [[1]] } } })?.field).toBe('properties.a')
  })
})
