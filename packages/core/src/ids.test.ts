import { either as E } from 'fp-ts'
import * as v from 'valibot'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validationError } from './errors.ts'
import { distinctIdSchema } from './distinctIdSchema.ts'
import { isPlaceholderId, PLACEHOLDER_IDS } from './ids.ts'
import { validate } from './validate.ts'

describe('placeholder ids', () => {
  it.each(['anon', 'NULL', ' undefined ', '0', '-1', '00000000-0000-0000-0000-000000000000', '[]', 'None'])('%j is a placeholder', (id) => {
    expect(isPlaceholderId(id)).toBe(true)
  })

  it('lets real ids through', () => {
    expect(isPlaceholderId('user_67890')).toBe(false)
    expect(v.safeParse(distinctIdSchema, 'anonymous_12345').success).toBe(true)
  })

  it('explains why a placeholder is refused', () => {
    expect(validate(distinctIdSchema, 'distinctId')('null')).toEqual(
      E.left(
        validationError(
          'distinctId',
          '"null" is a placeholder Mixpanel refuses as an id',
        ),
      ),
    )
  })
})

describe('isPlaceholderId: its length shortcut', () => {
  it('answers exactly the trimmed, case-blind list look-up, padded and odd strings included', () => {
    const pad = fc.constantFrom('', ' ', '\t', '\u00a0', '\n', '\ufeff')
    const core = fc.oneof(fc.constantFrom(...PLACEHOLDER_IDS, 'ANON', 'Nil', 'user_1', 'x'), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 12 }))
    fc.assert(
      fc.property(pad, core, pad, (before, id, after) => {
        const text = before + id + after
        expect(isPlaceholderId(text)).toBe(PLACEHOLDER_IDS.includes(text.trim().toLowerCase()))
      }),
      { numRuns: 3000 },
    )
  })
})
