import { describe, expect, it } from 'vitest'
import { either as E, taskEither as TE } from 'fp-ts'
import type { MixpanelError } from '@mp/core'
import { createExposureSender } from './createExposureSender.ts'
import type { ExposureEvent } from './types.ts'

const event: ExposureEvent = { distinctId: 'u1', event: '$experiment_started', properties: { 'Experiment name': 'f' } }

describe('createExposureSender', () => {
  it('dispatches in the background and flush() waits for every send', async () => {
    const done: string[] = []
    const sender = createExposureSender(
      (e) => () => new Promise((resolve) => setImmediate(() => resolve(E.right(done.push(e.distinctId))))),
      () => undefined,
    )
    sender.dispatch(event)
    sender.dispatch({ ...event, distinctId: 'u2' })
    expect(done).toEqual([])
    await sender.flush()()
    expect(done).toEqual(['u1', 'u2'])
  })

  it('turns a throwing, rejecting or odd tracker into a reported error', async () => {
    const errors: MixpanelError[] = []
    const trackers = [
      () => {
        throw new Error('sync boom')
      },
      () => () => Promise.reject(new Error('async boom')),
      () => () => Promise.resolve('not an Either'),
      () => TE.left({ _tag: 'QueueFull', maxQueued: 1, message: 'full' } as const),
    ]
    for (const tracker of trackers) {
      const sender = createExposureSender(tracker as never, (e) => errors.push(e))
      sender.dispatch(event)
      await sender.flush()()
    }
    expect(errors.map((e) => e.message)).toEqual([
      'Invalid config.track: the exposure tracker failed: sync boom',
      'Invalid config.track: the exposure tracker failed: async boom',
      'Invalid config.track: the exposure tracker failed: it did not answer an Either',
      'full',
    ])
  })
})
