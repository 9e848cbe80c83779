// `node scripts/bench/build-micro.mjs`: CPU per event of `buildTrackPayload` alone (no queue, no
// HTTP), 40 rounds of 20 000 bench events; prints the 25th percentile and the minimum. For A/B work on
// the builder: end-to-end figures come from `pnpm bench`. Expects a build (`pnpm build`).
import { buildTrackPayload } from '@mp/events'
import { makeEvents, TOKEN } from './workload.mjs'
const events = makeEvents(20000)
const times = []
for (let round = 0; round < 40; round++) {
  let x = 0
  const t0 = process.cpuUsage()
  for (const { event, distinctId, properties } of events) x += buildTrackPayload({ token: TOKEN, distinctId, event, properties }).right.bytes[0]
  const c = process.cpuUsage(t0); times.push((c.user + c.system) / 20000)
}
times.sort((a, b) => a - b); console.log('build µs/event p25', times[10].toFixed(3), 'min', times[0].toFixed(3))
