// Decomposition client (scripts/bench/decompose.mjs): mp's builder alone. Each bench event is built
// with buildTrackPayload and dropped; nothing is held or sent.
import { buildTrackPayload } from '@mp/events'
import { measure, params } from '../measure.mjs'
import { makeEvents, TOKEN } from '../workload.mjs'

const { n } = params()
await measure(
  () => makeEvents(n),
  async (events) => {
    let errors = 0
    for (const { event, distinctId, properties } of events) if (buildTrackPayload({ token: TOKEN, distinctId, event, properties })._tag === 'Left') errors++
    return { delivered: n - errors, errors }
  },
)
