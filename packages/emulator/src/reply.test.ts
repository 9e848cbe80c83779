import { describe, expect, it } from 'vitest'
import { reply } from './reply.ts'

describe('reply', () => {
  it('sets the content type and keeps extra headers', () => {
    expect(reply(429, 'json', '{}', { 'retry-after': '1' })).toEqual({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '1' },
      body: '{}',
    })
  })
})
