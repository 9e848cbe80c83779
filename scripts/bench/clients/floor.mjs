// The floor: the least a client can do to deliver the same /track records. Plain objects become
// the wire record (same properties as mp's, insert id from crypto.randomUUID), JSON.stringify per
// 2000 records, global fetch, 10 requests in flight. No validation, no retries, no error types.
import { randomUUID } from 'node:crypto'
import { measure, params } from '../measure.mjs'
import { makeEvents, TOKEN } from '../workload.mjs'

const { n, port } = params()
const BATCH = 2000
const IN_FLIGHT = 10

await measure(
  () => makeEvents(n),
  async (events) => {
    const url = `http://127.0.0.1:${port}/track?verbose=1&ip=0`
    let next = 0
    let delivered = 0
    let errors = 0
    const worker = async () => {
      while (next < events.length) {
        const slice = events.slice(next, (next += BATCH))
        const now = Date.now() / 1000
        const records = slice.map(({ event, distinctId, properties }) => ({
          event,
          properties: { token: TOKEN, distinct_id: distinctId, time: now, $insert_id: randomUUID().replaceAll('-', ''), mp_lib: 'mp-ts', $lib_version: '0.1.0', ...properties },
        }))
        const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(records) })
        const body = await response.json()
        if (response.ok && body.status === 1) delivered += records.length
        else errors++
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
    return { delivered, errors }
  },
)
