import { toAction, type Action } from '@mp/send'
import type { TrackInput } from './types.ts'
import { buildTrackPayload } from './buildTrackPayload.ts'

/**
 * Sends one event to `/track`: `track(config, env?)(input)` is a lazy `TaskEither` of the receipt.
 * Bad input is a `ValidationError` and nothing is sent; see `buildTrackPayload` for the record.
 * @example
 * import { function as F } from 'fp-ts'
 * import { track } from '@mp/events'
 * const result = await F.pipe({ distinctId: 'user_1', event: 'signup', properties: { plan: 'pro' } }, track({ token: 'YOUR_TOKEN' }))()
 */
export const track: Action<TrackInput> = toAction<TrackInput>(buildTrackPayload)
