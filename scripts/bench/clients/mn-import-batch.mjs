// mixpanel-node 0.24: `import_batch` with its defaults (POSTs of 50 events, form-encoded base64,
// every request started at once; HTTPS, which it requires with an API secret).
import { createRequire } from 'node:module'
import { measure, params, silentLogger } from '../measure.mjs'
import { API_SECRET, makeEvents, toMixpanelShape, TOKEN } from '../workload.mjs'

const Mixpanel = createRequire(import.meta.url)('mixpanel')
const { n, port } = params()

await measure(
  () => toMixpanelShape(makeEvents(n, { withTime: true })),
  (events) =>
    new Promise((resolve) => {
      const mixpanel = Mixpanel.init(TOKEN, { host: `127.0.0.1:${port}`, protocol: 'https', secret: API_SECRET, logger: silentLogger })
      mixpanel.import_batch(events, (errors) => {
        resolve({ delivered: errors === null ? events.length : 0, errors: errors?.length ?? 0, note: errors?.[0]?.message })
      })
    }),
)
