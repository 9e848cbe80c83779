import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './startEmulator.ts'
import { http } from './test-http.ts'
import type { Emulator } from './types.ts'

const definitions = [
  { key: 'new-checkout', ruleset: { variants: [{ key: 'on', value: true }] } },
  { key: 'beta', ruleset: { variants: [] } },
  { key: 'broken' },
]
// A stand-in evaluator: the flags engineers inject the real one.
const evaluate = (definition: unknown, context: Record<string, unknown>) => {
  const key = (definition as { key: string }).key
  if (key === 'broken') return null
  return key === 'beta' && context['distinct_id'] !== 'tester' ? null : { variant_key: 'on', variant_value: true }
}

let emu: Emulator
let locked: Emulator
beforeAll(async () => {
  emu = await startEmulator({ port: 0, flags: { definitions, evaluate } })
  locked = await startEmulator({ port: 0, credentials: { token: 'tok' }, flags: { definitions } })
})
afterAll(async () => {
  await emu.stop()
  await locked.stop()
})

const flags = (base: string, context: unknown, extra = '', headers: Record<string, string> = {}) =>
  http(base, `/flags?context=${encodeURIComponent(JSON.stringify(context))}${extra}`, { headers })

describe('GET /flags and /flags/definitions', () => {
  it('serves the definitions', async () => {
    const res = await http(emu.url, '/flags/definitions/')
    expect([res.status, JSON.parse(res.body)]).toEqual([200, { flags: definitions }])
  })

  it('answers every assigned flag, skipping those evaluated to null', async () => {
    const res = await flags(emu.url, { distinct_id: 'someone' })
    expect(res.body).toBe('{"code":200,"flags":{"new-checkout":{"variant_key":"on","variant_value":true}}}')
    expect(Object.keys((JSON.parse((await flags(emu.url, { distinct_id: 'tester' })).body) as { flags: object }).flags)).toEqual([
      'new-checkout',
      'beta',
    ])
  })

  it('answers only flag_key when given', async () => {
    const res = await flags(emu.url, { distinct_id: 'tester' }, '&flag_key=beta')
    expect(JSON.parse(res.body)).toEqual({ code: 200, flags: { beta: { variant_key: 'on', variant_value: true } } })
  })

  it('answers 400 when the context lacks a string distinct_id', async () => {
    for (const context of [{ device_id: 'd' }, { distinct_id: 42 }]) {
      const res = await flags(emu.url, context)
      expect([res.status, res.body]).toEqual([400, '{"error":"distinct_id must be provided in evalContext as a string","status":"error"}'])
    }
    expect((await http(emu.url, '/flags')).status).toBe(400)
  })

  it('checks credentials when configured: the token as Basic user', async () => {
    const token = { authorization: `Basic ${Buffer.from('tok:').toString('base64')}` }
    expect((await flags(locked.url, { distinct_id: 'u' }, '', token)).body).toBe('{"code":200,"flags":{}}')
    const denied = await flags(locked.url, { distinct_id: 'u' })
    expect([denied.status, denied.body]).toEqual([401, '{"error":"Invalid credentials","status":"error"}'])
  })
})
