import { describe, expect, it } from 'vitest'
import { isPlaceholderId } from './isPlaceholderId.ts'

describe('isPlaceholderId', () => {
  it('matches Mixpanel placeholders ignoring case and spaces', () => {
    for (const id of ['anon', 'Anonymous', ' NULL ', 'n/a', '<nil>', '0', '-1', 'TRUE', '[]', '{}', 'LMY47D']) {
      expect(isPlaceholderId(id)).toBe(true)
    }
    for (const id of ['anonymous_12345', 'user_67890', '00', '']) expect(isPlaceholderId(id)).toBe(false)
  })
})
