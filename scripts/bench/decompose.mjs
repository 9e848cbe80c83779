// `node scripts/bench/decompose.mjs [rounds]`: where mp's queue spends its CPU, by taking layers
// away. Runs, round-robin in fresh processes against the loopback sink (100 000 bench events):
//   build      buildTrackPayload alone (parts/build-only.mjs)
//   build+join the builder, and its texts joined into one UTF-8 body per 2000 (parts/build-fetch.mjs, no fetch)
//   build+fetch the same bodies POSTed with fetch, 4 in flight, no queue or ky (parts/build-fetch.mjs)
//   mp-queue   the bench's client: builder + createQueue (+ ky)
//   mixpanel-node track_batch, for scale
// and prints each one's median CPU s/100k, split (Linux, /proc) into the main JS thread and every
// other thread of the process (V8's garbage-collector and compiler helpers, libuv), with peak RSS.
// Differences between rows are what each layer costs. Expects a build (`pnpm build`).
import { fork } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const rounds = Number(process.argv[2] ?? 5)
const rows = [
  { name: 'build', client: 'parts/build-only' },
  { name: 'build+join', client: 'parts/build-fetch', params: { fetch: false } },
  { name: 'build+fetch', client: 'parts/build-fetch' },
  { name: 'mp-queue', client: 'clients/mp-queue' },
  { name: 'mixpanel-node', client: 'clients/mn-track-batch' },
]
const sink = fork(join(here, 'sink.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const { port } = await new Promise((resolve) => sink.on('message', (m) => m.type === 'ready' && resolve(m)))
const samples = new Map(rows.map((row) => [row.name, []]))
for (let round = 0; round < rounds; round++) {
  for (const row of rows) {
    const child = fork(join(here, `${row.client}.mjs`), [JSON.stringify({ n: 100_000, port, gzip: false, ...row.params })], {
      env: { ...process.env, MP_BENCH_THREADS: '1' },
    })
    const result = await new Promise((resolve) => child.on('message', resolve))
    await new Promise((resolve) => child.on('exit', resolve))
    if (result.delivered !== 100_000) throw new Error(`${row.name}: delivered ${result.delivered}, errors ${result.errors}`)
    samples.get(row.name).push(result)
  }
}
sink.send({ type: 'stop' })
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`machine: ${cpus()[0]?.model.trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}; ${rounds} rounds, medians, 100 000 events`)
console.log('| row | CPU s/100k | main thread | other threads | peak RSS MB |\n|---|--:|--:|--:|--:|')
for (const row of rows) {
  const runs = samples.get(row.name)
  const threads = runs[0].threads === undefined ? ['—', '—'] : [median(runs.map((r) => r.threads.main)).toFixed(2), median(runs.map((r) => r.threads.other)).toFixed(2)]
  console.log(`| ${row.name} | ${median(runs.map((r) => r.cpuMs / 1000)).toFixed(2)} | ${threads[0]} | ${threads[1]} | ${Math.round(median(runs.map((r) => r.peakRssMb)))} |`)
}
