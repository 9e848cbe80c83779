import { describe, expect, it } from 'vitest'
import { normalizePath } from './normalizePath.ts'

describe('normalizePath', () => {
  it('removes trailing slashes but keeps the root', () => {
    expect([normalizePath('/track/'), normalizePath('/flags/definitions//'), normalizePath('/'), normalizePath('/engage')]).toEqual([
      '/track',
      '/flags/definitions',
      '/',
      '/engage',
    ])
  })
})
