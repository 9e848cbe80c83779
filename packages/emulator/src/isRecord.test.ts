import { describe, expect, it } from 'vitest'
import { isRecord } from './isRecord.ts'

describe('isRecord', () => {
  it('accepts plain objects only', () => {
    expect([isRecord({}), isRecord([]), isRecord(null), isRecord('x')]).toEqual([true, false, false, false])
  })
})
