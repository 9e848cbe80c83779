import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { profileValue } from './profileValue.ts'

const invalid = (path: string, message: string) => E.left({ _tag: 'ValidationError', path, message })

describe('profileValue', () => {
  it('converts properties to JSON, Dates to UTC YYYY-MM-DDTHH:MM:SS', () => {
    expect(profileValue('properties', { plan: 'pro', at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })).toStrictEqual(
      E.right({ plan: 'pro', at: '2024-01-02T03:04:05' }),
    )
  })

  it('requires a value for every kind', () => {
    expect(profileValue('properties', undefined)).toStrictEqual(invalid('properties', "Invalid properties: is required: an object of properties such as { plan: 'pro' }"))
    expect(profileValue('names', undefined, 'props')).toStrictEqual(invalid('props', "Invalid props: is required: a non-empty list of property names such as ['plan']"))
  })

  it('refuses a primitive where an object is expected', () => {
    expect(profileValue('lists', 3)).toStrictEqual(invalid('properties', "Invalid properties: must be an object of lists such as { tags: ['beta'] }, got number"))
  })

  it('numbers: every member a number', () => {
    expect(profileValue('numbers', { a: 1, b: -0.5 })).toStrictEqual(E.right({ a: 1, b: -0.5 }))
    expect(profileValue('numbers', { a: 1, b: true })).toStrictEqual(
      invalid('properties.b', 'Invalid properties.b: must be a number to add (negative to subtract), got boolean'),
    )
    expect(profileValue('numbers', { 'odd key': null })).toStrictEqual(
      invalid('properties["odd key"]', 'Invalid properties["odd key"]: must be a number to add (negative to subtract), got null'),
    )
  })

  it('lists: every member a non-empty list', () => {
    expect(profileValue('lists', { tags: ['a', 1] })).toStrictEqual(E.right({ tags: ['a', 1] }))
    expect(profileValue('lists', { tags: { a: 1 } })).toStrictEqual(
      invalid('properties.tags', "Invalid properties.tags: must be a non-empty list of values to add without duplicates, such as ['beta'], got object"),
    )
    expect(profileValue('lists', { tags: [] })).toStrictEqual(invalid('properties.tags', "Invalid properties.tags: must be a non-empty list of values to add without duplicates, such as ['beta'], got an empty list"))
  })

  it('names: a non-empty list of non-empty strings', () => {
    expect(profileValue('names', ['a', 'b'])).toStrictEqual(E.right(['a', 'b']))
    expect(profileValue('names', [])).toStrictEqual(invalid('properties', "Invalid properties: must be a non-empty list of property names such as ['plan'], got an empty list"))
    expect(profileValue('names', ['a', ''])).toStrictEqual(invalid('properties[1]', 'Invalid properties[1]: must be a property name, a non-empty string, got string'))
    expect(profileValue('names', { a: 1 })).toStrictEqual(invalid('properties', "Invalid properties: must be a non-empty list of property names such as ['plan'], got object"))
  })

  it('never throws for a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const kind of ['properties', 'numbers', 'lists', 'names'] as const) {
      const result = profileValue(kind, proxy)
      expect(E.isLeft(result) && result.left.path).toBe('properties')
    }
  })
})
