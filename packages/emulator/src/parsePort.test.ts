import { describe, expect, it } from 'vitest'
import { parsePort } from './parsePort.ts'

describe('parsePort', () => {
  it('reads --port N, --port=N, then PORT, defaulting to 0', () => {
    expect(parsePort(['--port', '4000'], { PORT: '5000' })).toEqual({ ok: true, port: 4000 })
    expect(parsePort(['--port=4001'], {})).toEqual({ ok: true, port: 4001 })
    expect(parsePort([], { PORT: '5000' })).toEqual({ ok: true, port: 5000 })
    expect(parsePort([], {})).toEqual({ ok: true, port: 0 })
  })

  it('refuses what is not a port', () => {
    for (const bad of ['x', '-1', '70000', '1.5', '']) expect(parsePort(['--port', bad], {}).ok).toBe(false)
    expect(parsePort(['--port'], {}).ok).toBe(false)
  })
})
