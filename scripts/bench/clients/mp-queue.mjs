// mp: events arrive the way they do in a server: each one is built with `buildTrackPayload` and
// enqueued, and the producer yields to the event loop every 2000 events (as a server does between
// requests), so the queue's automatic flush (`flushAt: 2000`) sends while the next events are
// built. `close()` delivers the rest. Other options are the defaults (batches of 2000, 4 in flight).
// With `bulk: true` every event is enqueued in one synchronous loop before `close()` (the shape of
// mixpanel-node's `track_batch`, where nothing goes out until the whole list was handed over).
import { buildTrackPayload } from '@mp/events'
import { createQueue } from '@mp/queue'
import { measure, params } from '../measure.mjs'
import { makeEvents, TOKEN } from '../workload.mjs'

const { n, port, gzip, bulk = false } = params()
const SLICE = 2000
const turn = () => new Promise((resolve) => setImmediate(resolve))

await measure(
  () => makeEvents(n),
  async (events) => {
    let errors = 0
    let note
    // Automatic flushes report failures here; their successes are not reported one by one.
    const onError = (error, context) => {
      errors += context.records
      note ??= error.message
    }
    const options = { onError, ...(bulk ? {} : { flushAt: SLICE }), ...(n > 100_000 ? { maxQueued: n } : {}) }
    const queue = createQueue({ token: TOKEN, host: `http://127.0.0.1:${port}`, gzip }, options)
    let enqueued = 0
    for (let i = 0; i < events.length; i++) {
      const { event, distinctId, properties } = events[i]
      const built = buildTrackPayload({ token: TOKEN, distinctId, event, properties })
      if (built._tag === 'Left' || queue.enqueue(built.right)._tag === 'Left') errors++
      else enqueued++
      if (!bulk && i % SLICE === SLICE - 1) await turn()
    }
    const report = await queue.close()()
    if (report._tag === 'Left') return { delivered: 0, errors: errors + 1, note: report.left.message }
    // Everything enqueued left the queue and nothing failed: every record was acknowledged.
    const { remaining, failed } = report.right
    return { delivered: remaining === 0 && errors === 0 && failed === 0 ? enqueued : enqueued - remaining - failed - errors, errors: errors + failed, note }
  },
)
