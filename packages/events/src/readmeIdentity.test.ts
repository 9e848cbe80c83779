// The README's Simplified ID Merge quick start, run as written except that `config` points at the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { either as E, function as F } from 'fp-ts'
import { emulatorPerFile } from '@mp/emulator'
import { track } from '@mp/events'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

describe('README quick start: identity on Simplified ID Merge', () => {
  it('the signup event links the device to the user, and the earlier events follow', async () => {
    const config = { token: 'YOUR_PROJECT_TOKEN', host: emu.url, idMerge: 'simplified' as const } // README: region: 'eu'

    // --- README snippet ---
    // Anonymous: the device id you keep in a cookie. distinct_id becomes '$device:anonymous_12345'.
    await F.pipe({ deviceId: 'anonymous_12345', event: 'Page View' }, track(config))()
    // Signup (or login): one event with both ids links them; the user id is the person's id from now on.
    const linked = await F.pipe({ deviceId: 'anonymous_12345', userId: 'user_67890', event: 'Sign Up' }, track(config))()
    // Right({ endpoint: '/track', records: 1, attempts: 1 })
    await F.pipe({ userId: 'user_67890', event: 'Upgrade' }, track(config))()
    // --- end ---

    expect(linked).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(emu.identities()).toStrictEqual([['user_67890', '$device:anonymous_12345']])
    expect(emu.eventsFor('user_67890').map((e) => `${e.event}@${e.distinctId}`)).toStrictEqual([
      'Page View@$device:anonymous_12345',
      'Sign Up@user_67890',
      'Upgrade@user_67890',
    ])
  })
})
