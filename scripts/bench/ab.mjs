// `node scripts/bench/ab.mjs <checkout A> <checkout B> [client] [rounds]`: runs the same benchmark
// client (default mp-queue, 100 000 events) from two built checkouts of this repository, alternating
// A, B / B, A each round against one loopback sink, and prints each side's median CPU s / 100k,
// events/s and peak RSS with every sample. One process run, so machine noise hits both sides alike:
// use it to tell whether a change moved the end-to-end figures at all.
import { fork } from 'node:child_process'
import { join } from 'node:path'
const [a, b, client = 'mp-queue', rounds = '6'] = process.argv.slice(2)
const sink = fork(join(a, 'scripts/bench/sink.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const next = (type) => new Promise((resolve) => sink.on('message', function on(m) { if (m.type === type) { sink.off('message', on); resolve(m) } }))
const { port } = await next('ready')
const out = { [a]: [], [b]: [] }
for (let r = 0; r < Number(rounds); r++) for (const dir of r % 2 ? [b, a] : [a, b]) {
  const child = fork(join(dir, 'scripts/bench/clients', `${client}.mjs`), [JSON.stringify({ n: 100000, port, gzip: false })], { cwd: dir })
  const m = await new Promise((resolve) => child.on('message', resolve))
  await new Promise((resolve) => child.on('exit', resolve))
  out[dir].push({ cpu: m.cpuMs / 1000, evs: 100000 / m.ms * 1000, rss: m.peakRssMb })
}
sink.send({ type: 'stop' })
const med = (xs) => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)]
for (const dir of [a, b]) console.log(dir, 'CPU s/100k', med(out[dir].map((x) => x.cpu)).toFixed(3), 'ev/s', Math.round(med(out[dir].map((x) => x.evs))), 'rss', med(out[dir].map((x) => x.rss)).toFixed(0), out[dir].map((x) => x.cpu.toFixed(2)).join(' '))
