// `node --expose-gc scripts/bench/held-heap.mjs [events]`: heap bytes the queue holds per waiting
// record. Enqueues the bench's events (built with `buildTrackPayload`) into a queue that never
// flushes, then drops the queue and reports what a full GC freed, per record. Expects a build
// (`pnpm build`); run it in two checkouts to compare.
import { buildTrackPayload } from '@mp/events'
import { createQueue } from '@mp/queue'
import { makeEvents, TOKEN } from './workload.mjs'

if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc')
  process.exit(2)
}
const n = Number(process.argv[2] ?? 100_000)
const events = makeEvents(n)
let queue = createQueue({ token: TOKEN, host: 'http://127.0.0.1:9' }, { maxQueued: n })
for (const { event, distinctId, properties } of events) {
  const built = buildTrackPayload({ token: TOKEN, distinctId, event, properties })
  if (built._tag === 'Left' || queue.enqueue(built.right)._tag === 'Left') throw new Error('the bench events must all be accepted')
}
const held = queue.size
gc()
gc()
const withQueue = process.memoryUsage().heapUsed
queue = undefined
gc()
gc()
const freed = withQueue - process.memoryUsage().heapUsed
console.log(`${held} records held: ${Math.round(freed / held)} B of heap per record (${(freed / 2 ** 20).toFixed(1)} MB in all), node ${process.version}`)
