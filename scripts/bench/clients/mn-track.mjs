// mixpanel-node 0.24: one `track` call per event (one GET /track each), all started at once as
// an application calling `track` from its request handlers would; done when every callback ran.
import { createRequire } from 'node:module'
import { measure, params } from '../measure.mjs'
import { makeEvents, TOKEN } from '../workload.mjs'

const Mixpanel = createRequire(import.meta.url)('mixpanel')
const { n, port } = params()

await measure(
  () => makeEvents(n),
  (events) =>
    new Promise((resolve) => {
      const mixpanel = Mixpanel.init(TOKEN, { host: `127.0.0.1:${port}`, protocol: 'http' })
      let pending = events.length
      let errors = 0
      let note
      for (const { event, distinctId, properties } of events) {
        mixpanel.track(event, { distinct_id: distinctId, ...properties }, (error) => {
          if (error) {
            errors++
            note ??= error.message
          }
          if (--pending === 0) resolve({ delivered: events.length - errors, errors, note })
        })
      }
    }),
)
