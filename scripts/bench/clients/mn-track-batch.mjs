// mixpanel-node 0.24: `track_batch` with its defaults (POSTs of 50 events, form-encoded base64,
// every request started at once).
import { createRequire } from 'node:module'
import { measure, params } from '../measure.mjs'
import { makeEvents, toMixpanelShape, TOKEN } from '../workload.mjs'

const Mixpanel = createRequire(import.meta.url)('mixpanel')
const { n, port } = params()

await measure(
  () => toMixpanelShape(makeEvents(n)),
  (events) =>
    new Promise((resolve) => {
      const mixpanel = Mixpanel.init(TOKEN, { host: `127.0.0.1:${port}`, protocol: 'http' })
      mixpanel.track_batch(events, (errors) => {
        resolve({ delivered: errors === null ? events.length : 0, errors: errors?.length ?? 0, note: errors?.[0]?.message })
      })
    }),
)
