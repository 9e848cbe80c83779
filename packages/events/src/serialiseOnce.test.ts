import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { Config, JsonObject, MixpanelRequest } from '@mp/core'
import { send } from '@mp/send'
import { buildTrackPayload } from './buildTrackPayload.ts'
import { rightOf } from './test-either.ts'

// Serialising once: a built record's JSON text is the one that goes on the wire, yet what goes on
// the wire is always the JSON of `records`, however the descriptor was made or changed.

const TOKEN = 'serialise-once-token'

// A config whose fetch keeps every body it is given and answers Mixpanel's verbose success.
const capturing = (): { readonly config: Config; readonly bodies: string[] } => {
  const bodies: string[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    bodies.push(await new Request(input, init).text())
    return new Response('{"error":null,"status":1}', { status: 200 })
  }
  return { config: { token: TOKEN, host: 'http://127.0.0.1:9', fetch }, bodies }
}

const built = (event = 'signup', properties: Record<string, unknown> = { plan: 'pro', cart: { items: [1, 2] } }): MixpanelRequest =>
  rightOf(buildTrackPayload({ token: TOKEN, distinctId: 'user_1', event, properties }, { now: () => 1_700_000_000_000, insertId: () => 'abc' }))

const wireOf = async (request: MixpanelRequest): Promise<string> => {
  const { config, bodies } = capturing()
  expect(E.isRight(await send(config)(request)())).toBe(true)
  expect(bodies).toHaveLength(1)
  return bodies[0] as string
}

describe('serialising once', () => {
  it('sends a built descriptor as the JSON of its records, byte for byte', async () => {
    const request = built()
    expect(await wireOf(request)).toBe(JSON.stringify(request.records))
  })

  it('sends a descriptor made by hand as the JSON of its records', async () => {
    const request: MixpanelRequest = { endpoint: '/track', auth: 'token', records: [{ event: 'by hand', properties: { token: TOKEN, distinct_id: 'u' } }] }
    expect(await wireOf(request)).toBe(JSON.stringify(request.records))
  })

  it('sends a spread and changed built descriptor as the JSON of its new records, not the text of the old ones', async () => {
    const original = built()
    const first = original.records[0] as JsonObject
    const changed: MixpanelRequest = {
      ...original,
      records: [{ ...first, event: 'changed', properties: { ...(first['properties'] as JsonObject), plan: 'free' } }, ...built('second').records],
    }
    const wire = await wireOf(changed)
    expect(wire).toBe(JSON.stringify(changed.records))
    expect(wire).toContain('"changed"')
    expect(wire).not.toContain('"signup"')
  })

  it('sends a built descriptor passed through JSON.parse(JSON.stringify()) as the JSON of its records', async () => {
    const request = built()
    const copy = JSON.parse(JSON.stringify(request)) as MixpanelRequest
    expect(copy).toStrictEqual(request)
    expect(await wireOf(copy)).toBe(JSON.stringify(request.records))
  })

  it('freezes a built record all the way down, so its remembered text cannot go stale', async () => {
    const request = built()
    const record = request.records[0] as Record<string, any>
    expect(() => {
      record['event'] = 'mutated'
    }).toThrow(TypeError)
    expect(() => {
      record['properties'].plan = 'free'
    }).toThrow(TypeError)
    expect(() => record['properties'].cart.items.push(3)).toThrow(TypeError)
    expect(await wireOf(request)).toBe(JSON.stringify(request.records))
    expect(JSON.stringify(request.records)).toContain('"plan":"pro"')
  })

  it('sends a batch mixing built and hand-made records as the JSON of all of them', async () => {
    const request: MixpanelRequest = { ...built(), records: [...built('one').records, { event: 'hand', properties: { token: TOKEN, distinct_id: 'u' } }, ...built('two').records] }
    expect(await wireOf(request)).toBe(JSON.stringify(request.records))
  })
})
