import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateProperties } from './validateProperties.ts'

const many = (n: number): Record<string, number> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))

describe('validateProperties', () => {
  it('accepts 254 properties, 3 levels of nesting, 254 keys and 254 items', () => {
    expect(E.isRight(validateProperties(many(254), 'properties'))).toBe(true)
    expect(E.isRight(validateProperties({ a: { b: [{ c: 1 }] }, o: many(254), l: Array.from({ length: 254 }, () => 1) }, 'properties'))).toBe(true)
  })

  it('refuses 255 properties', () => {
    expect(validateProperties(many(255), 'properties')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties', message: 'Invalid properties: has 255 properties; Mixpanel accepts fewer than 255 per event (defaults such as token and time included)' }),
    )
  })

  it('refuses a fourth level of objects or lists, naming its path', () => {
    expect(validateProperties({ tags: [[[['x']]]] }, 'properties')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.tags[0][0][0]', message: 'Invalid properties.tags[0][0][0]: is nested 4 levels deep; Mixpanel accepts objects and lists nested at most 3 levels' }),
    )
  })

  it('refuses a nested object of 255 keys and a list of 255 items', () => {
    expect(validateProperties({ o: many(255) }, 'properties')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.o', message: 'Invalid properties.o: is an object with 255 keys; Mixpanel accepts fewer than 255' }),
    )
    expect(validateProperties({ 'my list': Array.from({ length: 255 }, () => 0) }, 'properties')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties["my list"]', message: 'Invalid properties["my list"]: is a list of 255 items; Mixpanel accepts fewer than 255' }),
    )
  })
})
