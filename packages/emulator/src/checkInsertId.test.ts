import { describe, expect, it } from 'vitest'
import { checkInsertId } from './checkInsertId.ts'

describe('checkInsertId', () => {
  it('accepts up to 36 letters, digits and hyphens', () => {
    expect(checkInsertId('0123456789abcdef0123456789abcdef')).toBeUndefined()
    expect(checkInsertId('3f1c2b4a-9d8e-4f7a-8b6c-5d4e3f2a1b0c')).toBeUndefined()
  })
  it('refuses missing, non-string, malformed, long and placeholder ids', () => {
    expect(checkInsertId(undefined)?.message).toBe("'$insert_id' is invalid: must be specified")
    expect(checkInsertId(12)?.message).toBe("'$insert_id' is invalid: must be a string")
    expect(checkInsertId('a.b')?.message).toBe("'$insert_id' is invalid: must only contain alphanumeric or hyphen '-' characters")
    expect(checkInsertId('x'.repeat(37))?.message).toBe("'$insert_id' is invalid: must not be longer than 36 bytes")
    expect(checkInsertId('UNDEFINED')).toEqual({
      field: '$insert_id',
      message: "'$insert_id' is invalid: 'UNDEFINED' is a placeholder value and is not allowed",
    })
  })
})
