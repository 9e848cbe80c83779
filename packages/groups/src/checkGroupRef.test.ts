import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { checkGroupRef } from './checkGroupRef.ts'

const invalid = (path: string, message: string) => E.left({ _tag: 'ValidationError', path, message })

describe('checkGroupRef', () => {
  it('returns the record identity keys', () => {
    expect(checkGroupRef('company', 'acme')).toStrictEqual(E.right({ $group_key: 'company', $group_id: 'acme' }))
  })

  it('requires a non-empty string group key, then group id', () => {
    expect(checkGroupRef(undefined, 'acme')).toStrictEqual(invalid('groupKey', "Invalid groupKey: is required: a non-empty string such as 'company'"))
    expect(checkGroupRef(' ', 'acme')).toStrictEqual(invalid('groupKey', "Invalid groupKey: must be a non-empty string such as 'company', got an empty string"))
    expect(checkGroupRef('company', 12)).toStrictEqual(invalid('groupId', "Invalid groupId: must be a non-empty string such as 'acme-inc', got number"))
    expect(checkGroupRef('company', null)).toStrictEqual(invalid('groupId', "Invalid groupId: must be a non-empty string such as 'acme-inc', got null"))
  })
})
