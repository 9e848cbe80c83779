// The README's batching and migration snippets, run as written except that the host points at the emulator.
import { either as E, function as F } from 'fp-ts'
import { afterAll, beforeAll, describe, expect, it, beforeEach } from 'vitest'
import { MixpanelException } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { buildTrackPayload } from '@mp/events'
import { createQueue } from '@mp/queue'
import { Mixpanel } from './Mixpanel.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

describe('README snippets', () => {
  it('batching with createQueue', async () => {
    emu.reset()
    const token = 'YOUR_TOKEN'
    const warnings: string[] = []
    const queue = createQueue(
      { token, apiSecret: 'YOUR_API_SECRET', host: emu.url },
      { flushAt: 500, flushIntervalMs: 5_000, onError: (error) => warnings.push(error.message) },
    )
    const held = F.pipe(buildTrackPayload({ token, distinctId: 'u1', event: 'signup' }), E.flatMap(queue.enqueue))
    expect(held).toStrictEqual(E.right({ endpoint: '/track', records: 1, status: 'held', size: 1 }))
    const report = await queue.close()()
    expect(report).toMatchObject(E.right({ delivered: 1, failed: 0, attempts: 1, remaining: 0, failures: [] }))
    expect(warnings).toStrictEqual([])
    expect(emu.events().map((e) => e.event)).toStrictEqual(['signup'])
  })

  it('migration from mixpanel-python: Promise style with await using', async () => {
    emu.reset()
    const TOKEN = 'YOUR_TOKEN'
    const logged: string[] = []
    const log = (...parts: string[]) => logged.push(parts.join(' '))
    {
      await using mp = Mixpanel(TOKEN, { apiSecret: 'YOUR_API_SECRET', host: emu.url, queue: true })
      try {
        await mp.track({ distinctId: 'u1', event: 'signup', properties: { plan: 'pro' } })
        await mp.peopleSet({ distinctId: 'u1', properties: { plan: 'pro' } })
        await mp.flush()
        await mp.track({ distinctId: '', event: 'oops' })
      } catch (e) {
        if (e instanceof MixpanelException) log(e.error._tag, e.message)
      }
      await mp.track({ distinctId: 'u1', event: 'after' })
    } // leaving the scope closes (flushes) the queue
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^ValidationError /)
    expect(emu.events().map((e) => e.event)).toStrictEqual(['signup', 'after'])
    expect(emu.profile('u1')).toMatchObject({ plan: 'pro' })
  })
})
