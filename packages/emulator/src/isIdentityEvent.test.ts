import { describe, expect, it } from 'vitest'
import { isIdentityEvent } from './isIdentityEvent.ts'

describe('isIdentityEvent', () => {
  it('knows the three verbs and nothing else', () => {
    expect(['$create_alias', '$identify', '$merge'].map(isIdentityEvent)).toEqual([true, true, true])
    expect(['$merged', 'Sign Up', '', undefined, 1].map(isIdentityEvent)).toEqual([false, false, false, false, false])
  })
})
