// `node --expose-gc scripts/bench/held-heap.mjs [events]`: memory the queue holds per waiting record:
// JS heap, and ArrayBuffer memory outside it (where the queue keeps records' UTF-8 since it holds bytes). Enqueues the bench's events (built with `buildTrackPayload`) into a queue that never
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
const withQueue = process.memoryUsage()
queue = undefined
gc()
gc()
const without = process.memoryUsage()
const heap = withQueue.heapUsed - without.heapUsed
const buffers = withQueue.arrayBuffers - without.arrayBuffers
const per = (bytes) => Math.round(bytes / held)
console.log(
  `${held} records held: ${per(heap + buffers)} B per record (${per(heap)} B of heap, ${per(buffers)} B of ArrayBuffer), ${((heap + buffers) / 2 ** 20).toFixed(1)} MB in all, node ${process.version}`,
)
