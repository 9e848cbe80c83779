// mp: `importEvents` over the whole array (chunks of 2000, 4 in flight, strict=1, gzip unless
// `gzip: false`, a content-derived $insert_id per event).
import { importEvents } from '@mp/events'
import { measure, params } from '../measure.mjs'
import { API_SECRET, makeEvents, toMixpanelShape, TOKEN } from '../workload.mjs'

const { n, port, gzip } = params()

await measure(
  () => toMixpanelShape(makeEvents(n, { withTime: true })),
  async (events) => {
    const config = { token: TOKEN, apiSecret: API_SECRET, host: `https://127.0.0.1:${port}`, ...(gzip === undefined ? {} : { gzip }) }
    const result = await importEvents(config)(events)()
    if (result._tag === 'Left') return { delivered: 0, errors: 1, note: `${result.left._tag}: ${result.left.message}` }
    return { delivered: result.right.imported, errors: 0 }
  },
)
