// Decomposition client (scripts/bench/decompose.mjs): mp's builder, then the least delivery there is
// for its texts. Every 2000 events the builders' texts are written into one UTF-8 body and POSTed
// with the platform's fetch (at most 4 in flight, as the queue), without the queue, ky or retries.
// With `fetch: false` the body is written and dropped: the builder plus joining, no HTTP.
import { buildTrackPayload } from '@mp/events'
import { sealedText } from '@mp/core'
import { measure, params } from '../measure.mjs'
import { makeEvents, TOKEN } from '../workload.mjs'

const { n, port, fetch: post = true } = params()
const BATCH = 2000
const url = `http://127.0.0.1:${port}/track?verbose=1&ip=0`
const turn = () => new Promise((resolve) => setImmediate(resolve))
const encoder = new TextEncoder()

const body = (texts) => {
  let size = texts.length + 1
  for (const text of texts) size += text.length
  const bytes = new Uint8Array(size)
  bytes[0] = 0x5b
  let at = 1
  for (let i = 0; i < texts.length; i++) {
    if (i > 0) bytes[at++] = 0x2c
    at += encoder.encodeInto(texts[i], bytes.subarray(at)).written
  }
  bytes[at] = 0x5d
  return bytes
}

await measure(
  () => makeEvents(n),
  async (events) => {
    let texts = []
    let delivered = 0
    const inFlight = new Set()
    const flush = () => {
      const count = texts.length
      const payload = body(texts)
      texts = []
      if (!post) return void (delivered += payload.length > 0 ? count : 0)
      const sent = fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload })
        .then((response) => response.json())
        .then((answer) => void (delivered += answer.status === 1 ? count : 0))
      inFlight.add(sent)
      sent.then(() => inFlight.delete(sent))
    }
    for (let i = 0; i < events.length; i++) {
      const { event, distinctId, properties } = events[i]
      texts.push(sealedText(buildTrackPayload({ token: TOKEN, distinctId, event, properties }).right.records[0]))
      if (i % BATCH === BATCH - 1 || i === events.length - 1) {
        flush()
        while (inFlight.size >= 4) await Promise.race(inFlight)
        await turn()
      }
    }
    await Promise.all(inFlight)
    return { delivered, errors: n - delivered }
  },
)
