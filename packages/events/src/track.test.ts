import { function as F } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LIB_NAME, LIB_VERSION } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { leftOf, rightOf } from './test-either.ts'
import { track } from './track.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

const config = () => ({ token: 'TOKEN', host: emu.url })

describe('track (end to end against the emulator)', () => {
  it('stores the event with the record the builder made', async () => {
    const receipt = rightOf(await F.pipe({ distinctId: 'user_1', event: 'signup', properties: { plan: 'pro' } }, track(config(), { insertId: () => 'ins-1' }))())
    expect(receipt).toMatchObject({ endpoint: '/track', records: 1 })
    const [stored] = emu.events()
    expect(emu.events()).toHaveLength(1)
    expect(stored).toMatchObject({ endpoint: '/track', event: 'signup', distinctId: 'user_1' })
    expect(stored?.properties).toMatchObject({ token: 'TOKEN', distinct_id: 'user_1', $insert_id: 'ins-1', mp_lib: LIB_NAME, $lib_version: LIB_VERSION, plan: 'pro' })
    expect(emu.requests()[0]).toMatchObject({ path: '/track', query: { verbose: '1', ip: '0' } })
    expect(emu.requests()[0]?.headers['authorization']).toBeUndefined()
  })

  it('stores an event sent twice with the same insert id once', async () => {
    const send = track(config(), { now: () => Date.now(), insertId: () => 'same-id' })
    const input = { distinctId: 'user_2', event: 'purchase', properties: { time: Math.floor(Date.now() / 1000) } }
    rightOf(await send(input)())
    rightOf(await send(input)())
    expect(emu.eventsFor('user_2')).toHaveLength(1)
    expect(emu.stats()).toMatchObject({ recordsReceived: 2, eventsStored: 1, duplicates: 1 })
  })

  it('sends nothing for bad input or an event older than 5 days', async () => {
    const send = track(config())
    expect(leftOf(await send({ distinctId: 'null', event: 'e' })())).toMatchObject({ _tag: 'ValidationError', path: 'distinctId' })
    const old = Math.floor(Date.now() / 1000) - 6 * 86_400
    expect(leftOf(await send({ distinctId: 'u', event: 'e', properties: { time: old } })()).message).toContain('importData')
    expect(emu.requests()).toHaveLength(0)
  })

  it('refuses a bad config with a ConfigError', async () => {
    expect(leftOf(await track({ token: '' })({ distinctId: 'u', event: 'e' })())).toMatchObject({ _tag: 'ConfigError', field: 'token' })
  })
})
