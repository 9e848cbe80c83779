import { either as E } from 'fp-ts'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { validationError } from './errors.ts'
import { validate } from './validate.ts'

describe('validate', () => {
  it('names the nested path of the first issue', () => {
    const schema = v.object({ list: v.array(v.object({ id: v.pipe(v.string(), v.nonEmpty('must not be empty')) })) })
    expect(validate(schema, 'input')({ list: [{ id: 'a' }, { id: '' }] })).toEqual(
      E.left(validationError('input.list[1].id', 'must not be empty')),
    )
  })
})
