import { describe, expect, it } from 'vitest'
import { trackStyleReply } from './trackStyleReply.ts'

describe('trackStyleReply', () => {
  it('answers 1 / 0 as text', () => {
    expect(trackStyleReply({}, undefined)).toEqual({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '1' })
    expect(trackStyleReply({}, 'bad').body).toBe('0')
  })
  it('answers verbose JSON, with HTTP 400 on errors for verbose=2', () => {
    expect(trackStyleReply({ verbose: '1' }, undefined).body).toBe('{"error":null,"status":1}')
    expect(trackStyleReply({ verbose: '1' }, 'bad')).toMatchObject({ status: 200, body: '{"error":"bad","status":0}' })
    expect(trackStyleReply({ verbose: '2' }, 'bad').status).toBe(400)
    expect(trackStyleReply({ verbose: '2' }, undefined).status).toBe(200)
  })
  it('wraps in a callback only when its name is a JavaScript identifier', () => {
    expect(trackStyleReply({ callback: 'cb.fn' }, undefined).body).toBe('cb.fn(1)')
    expect(trackStyleReply({ callback: 'alert(1)//' }, undefined).body).toBe('1')
  })
  it('answers a GIF for img=1', () => {
    const gif = trackStyleReply({ img: '1' }, undefined)
    expect((gif.body as Buffer).subarray(0, 6).toString()).toBe('GIF89a')
  })
})
