// `node scripts/bench.mjs` (or `pnpm bench`): mp against mixpanel-node, side by side, on one
// neutral loopback sink. Builds the packages it measures, starts the sink in its own process, then
// runs every client in a fresh child process, round-robin (A B C … A B C …) for --rounds rounds,
// checks the sink received every record, and prints medians, ratios and the targets (issue 15: throughput, CPU per event and peak RSS against mixpanel-node).
//
// mp's queue is fed as a server would feed it (see bench/clients/mp-queue.mjs); mixpanel-node's
// batch calls get the whole list, as their API takes it. Both libraries run with their defaults.
//
// The outbox rows (mp only, no peer) time enqueue and delivery separately, on PGlite in the client's
// process and on a throwaway PostgreSQL 15 server (scripts/outbox/throwaway-postgres.mjs; skipped
// with a note when none can be started).
//
// The command-line rows run `mp import events` on a generated NDJSON file (--cli-events lines,
// kept in .cache/bench/): end to end against the sink, and in dry-run mode next to
// mixpanel-import's dry run (npm mixpanel-import, installed on demand into .cache/bench/; it has
// no host override, so a dry run is the run both can make). A file five times larger, end to end,
// shows whether memory stays bounded.
//
// Options: --rounds N (default 3)  --events N (default 100000)  --track-events N (default 5000)
//          --outbox-events N (default 20000)  --cli-events N (default 200000)
//          --no-build  --only id,id  --json FILE (write every sample and the medians)
import { execFileSync, fork } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { selfSignedCert } from './bench/cert.mjs'
import { startThrowawayPostgres } from './outbox/throwaway-postgres.mjs'
import { writeEventsFile } from './bench/workload.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: node scripts/bench.mjs [--rounds N] [--events N] [--track-events N] [--outbox-events N] [--cli-events N] [--no-build] [--only id,id] [--json FILE]
  --rounds N        rounds of every client, alternating (default 3)
  --events N        events per throughput and import client (default 100000)
  --track-events N  events for mixpanel-node's per-call track (default 5000)
  --outbox-events N events per outbox client, enqueued one insert each (default 20000)
  --cli-events N    lines of the NDJSON file the command-line rows import (default 200000; the memory row: 5x)
  --no-build        measure the dist as it is
  --only id,id      run only these clients
  --json FILE       write every sample and the medians`)
  process.exit(0)
}
const known = new Set(['--rounds', '--events', '--track-events', '--outbox-events', '--cli-events', '--no-build', '--only', '--json'])
const unknown = args.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(args[i - 1] ?? ''))
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(', ')} (see --help)`)
  process.exit(2)
}
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? fallback : args[i + 1]
}
const ROUNDS = Number(option('rounds', 3))
const N = Number(option('events', 100_000))
const TRACK_N = Number(option('track-events', 5000))
const OUTBOX_N = Number(option('outbox-events', 20_000))
const CLI_N = Number(option('cli-events', 200_000))
const CACHE = join(root, '.cache/bench')
const MIXPANEL_IMPORT = 'mixpanel-import@3.1.43'
const ONLY = option('only', undefined)?.split(',')
const JSON_OUT = option('json', undefined)
const CLIENT_TIMEOUT_MS = 180_000

/** Every measured configuration. `tls`: the /import group, where mixpanel-node insists on https. */
const SCENARIOS = [
  { id: 'mp-queue', label: 'mp  createQueue + buildTrackPayload', client: 'mp-queue', n: N, params: { gzip: false } },
  { id: 'mn-track-batch', label: 'mixpanel-node track_batch', client: 'mn-track-batch', n: N },
  { id: 'floor', label: 'floor: JSON.stringify/2000 + fetch ×10', client: 'floor', n: N },
  // Bytes on the wire do not vary between rounds: these two run in the first round only.
  { id: 'mp-queue-gzip', label: 'mp  createQueue, gzip: true (1 round)', client: 'mp-queue', n: N, params: { gzip: true }, once: true },
  { id: 'mn-track', label: 'mixpanel-node track (per call)', client: 'mn-track', n: TRACK_N },
  { id: 'mp-import', label: 'mp  importEvents (gzip, default)', client: 'mp-import', n: N, tls: true },
  { id: 'mn-import-batch', label: 'mixpanel-node import_batch', client: 'mn-import-batch', n: N, tls: true },
  { id: 'mp-import-plain', label: 'mp  importEvents, gzip: false (1 round)', client: 'mp-import', n: N, tls: true, params: { gzip: false }, once: true },
  // The transactional outbox: events/s enqueued (one insert each) and delivered (one sender's drain).
  { id: 'mp-outbox-pglite', label: 'mp  outbox on PGlite (in process)', client: 'mp-outbox', n: OUTBOX_N, params: { db: 'pglite' }, outbox: true },
  { id: 'mp-outbox-server', label: 'mp  outbox on PostgreSQL (pg Pool of 8)', client: 'mp-outbox', n: OUTBOX_N, params: { db: 'server' }, outbox: true, server: true },
  // The command line, on the same generated file. Dry runs send nothing: the sink must count 0.
  { id: 'mp-cli', label: 'mp import events (end to end)', client: 'mp-cli', n: CLI_N, file: CLI_N },
  { id: 'mp-cli-dry', label: 'mp import events --dry-run', client: 'mp-cli', n: CLI_N, file: CLI_N, params: { dryRun: true }, sinkRecords: 0 },
  { id: 'mi-dry', label: 'mixpanel-import --dry-run (npm 3.1.43)', client: 'mi-dry', n: CLI_N, file: CLI_N, sinkRecords: 0, needs: 'mixpanel-import' },
  { id: 'mp-cli-5x', label: `mp import events, ${5 * CLI_N} lines (1 round)`, client: 'mp-cli', n: 5 * CLI_N, file: 5 * CLI_N, once: true },
  // The same with V8's old space capped at 64 MB: it completes only if what mp holds stays bounded.
  { id: 'mp-cli-5x-cap', label: `mp import events, ${5 * CLI_N} lines, heap ≤ 64 MB (1 round)`, client: 'mp-cli', n: 5 * CLI_N, file: 5 * CLI_N, once: true, execArgv: ['--max-old-space-size=64'] },
  // Only with --only: every event enqueued in one synchronous loop, then close().
  { id: 'mp-queue-bulk', label: 'mp  createQueue, all enqueued then close', client: 'mp-queue', n: N, params: { gzip: false, bulk: true }, extra: true },
].filter((s) => (ONLY === undefined ? !s.extra : ONLY.includes(s.id)))

const versionOf = (path) => JSON.parse(readFileSync(join(root, path), 'utf8')).version

const build = () => {
  console.log('building @mp/core, @mp/send, @mp/events, @mp/queue, @mp/outbox, @mp/cli and what it imports …')
  const filters = ['@mp/core', '@mp/send', '@mp/events', '@mp/queue', '@mp/outbox', '@mp/cli...'].flatMap((p) => ['--filter', p])
  execFileSync('pnpm', ['-r', ...filters, 'run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** The NDJSON file of `n` generated events the command-line rows read (made once, then kept). */
const eventsFile = async (n) => {
  const path = join(CACHE, `events-${n}.ndjson`)
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true })
    console.log(`writing ${n} events to ${path} …`)
    await writeEventsFile(`${path}.part`, n)
    execFileSync('mv', [`${path}.part`, path])
  }
  return path
}

/** mixpanel-import from npm into .cache/bench/ (like the runtime matrix installs its runtimes); answers its module path. */
const installMixpanelImport = () => {
  const prefix = join(CACHE, MIXPANEL_IMPORT)
  const modulePath = join(prefix, 'node_modules/mixpanel-import')
  if (!existsSync(join(modulePath, 'package.json'))) {
    console.log(`installing ${MIXPANEL_IMPORT} into ${prefix} …`)
    mkdirSync(prefix, { recursive: true })
    execFileSync('npm', ['i', '--prefix', prefix, '-E', '--no-audit', '--no-fund', '--loglevel=error', MIXPANEL_IMPORT], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  return modulePath
}

/** Starts the sink process; resolves with a small RPC handle over its IPC channel. */
const startSink = async () => {
  const child = fork(join(here, 'bench', 'sink.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const waiting = new Map()
  child.on('message', (m) => {
    const resolve = waiting.get(m.type)
    waiting.delete(m.type)
    resolve?.(m)
  })
  const next = (type) => new Promise((resolve) => waiting.set(type, resolve))
  const ask = (message, reply) => {
    const p = next(reply)
    child.send(message)
    return p
  }
  const { port } = await next('ready')
  const { key, cert } = selfSignedCert()
  const { port: tlsPort } = await ask({ type: 'tls', key, cert }, 'tls-ready')
  return {
    port,
    tlsPort,
    reset: () => ask({ type: 'reset' }, 'reset-done'),
    stats: async () => (await ask({ type: 'stats' }, 'stats')).stats,
    stop: () => child.send({ type: 'stop' }),
  }
}

/** Runs one client in its own process and resolves with what it measured. */
const runClient = (scenario, port, extra = {}) =>
  new Promise((resolve) => {
    const env = { ...process.env }
    // Only the TLS clients, and only for the throwaway certificate of the loopback sink.
    if (scenario.tls) env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    const child = fork(join(here, 'bench', 'clients', `${scenario.client}.mjs`), [JSON.stringify({ n: scenario.n, port, ...scenario.inputs, ...scenario.params, ...extra })], {
      env,
      execArgv: [...(scenario.tls ? ['--no-warnings'] : []), ...(scenario.execArgv ?? [])],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    let stderr = ''
    let result
    child.stderr.on('data', (c) => (stderr += c))
    child.on('message', (m) => m.type === 'result' && (result = m))
    const timer = setTimeout(() => child.kill('SIGKILL'), CLIENT_TIMEOUT_MS)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(result ?? { delivered: 0, errors: 1, note: `client exited with ${code}: ${stderr.trim().slice(-400)}` })
    })
  })

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Prints a Markdown table: the first column left-aligned, the others right-aligned. */
const printTable = (header, rows) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`)
  for (const r of rows) console.log(line(r))
}

const fmt = (x, digits = 0) => (x === undefined || Number.isNaN(x) ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }))

const main = async () => {
  const started = Date.now()
  if (!args.includes('--no-build')) build()
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    mp: versionOf('packages/queue/package.json'),
    mixpanelNode: versionOf('node_modules/mixpanel/package.json'),
    loadBefore: os.loadavg().map((x) => x.toFixed(2)),
  }
  // Inputs of the command-line rows: the generated files, and mixpanel-import.
  for (const scenario of SCENARIOS) {
    if (scenario.file === undefined) continue
    const file = await eventsFile(scenario.file)
    scenario.inputs = { file, ...(scenario.needs === 'mixpanel-import' ? { modulePath: installMixpanelImport() } : {}) }
    scenario.fileMb = statSync(file).size / 1e6
  }
  if (SCENARIOS.some((s) => s.needs === 'mixpanel-import')) machine.mixpanelImport = versionOf(join('.cache/bench', MIXPANEL_IMPORT, 'node_modules/mixpanel-import/package.json'))
  const sink = await startSink()
  const samples = Object.fromEntries(SCENARIOS.map((s) => [s.id, []]))
  let failures = 0
  let postgres
  if (SCENARIOS.some((s) => s.server)) {
    try {
      postgres = await startThrowawayPostgres({ log: (line) => console.log(line) })
      machine.postgres = postgres.version
    } catch (error) {
      console.log(`no PostgreSQL server for the outbox row (${error instanceof Error ? error.message : String(error)}): skipped`)
    }
  }
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const scenario of SCENARIOS) {
        if ((scenario.once && round > 1) || (scenario.server && postgres === undefined)) continue
        await sink.reset()
        const result = await runClient(scenario, scenario.tls ? sink.tlsPort : sink.port, scenario.server ? { url: postgres.url } : {})
        const stats = await sink.stats()
        const ok = result.errors === 0 && result.delivered === scenario.n && stats.records === (scenario.sinkRecords ?? scenario.n) && stats.bad === 0
        if (!ok) {
          failures++
          console.error(`  ✘ ${scenario.id} round ${round}: delivered ${result.delivered}, sink counted ${stats.records} (${stats.bad} bad), ${result.errors} errors ${result.note ?? ''}`)
          continue
        }
        const sample = {
          ms: result.ms,
          eventsPerSec: (scenario.n / result.ms) * 1000,
          cpuSecPer100k: (result.cpuMs / 1000) * (100_000 / scenario.n),
          peakRssMb: result.peakRssMb,
          rssBeforeMb: result.rssBeforeMb,
          wirePerEvent: stats.wireBytes / stats.records,
          bodyPerEvent: stats.bodyBytes / stats.records,
          jsonPerEvent: stats.jsonBytes / stats.records,
          requests: stats.requests,
          ...(result.enqueueMs === undefined ? {} : { enqueuePerSec: (scenario.n / result.enqueueMs) * 1000, deliverPerSec: (scenario.n / result.deliverMs) * 1000 }),
        }
        samples[scenario.id].push(sample)
        console.log(
          `  round ${round} ${scenario.id.padEnd(16)} ${fmt(sample.eventsPerSec).padStart(8)} ev/s  cpu ${fmt(sample.cpuSecPer100k, 2)} s/100k  ` +
            `rss ${fmt(sample.peakRssMb)} MB  ${fmt(sample.wirePerEvent, 1)} B/ev  ${sample.requests} req`,
        )
      }
    }
  } finally {
    sink.stop()
    postgres?.stop()
  }

  const med = Object.fromEntries(
    SCENARIOS.filter((s) => samples[s.id].length > 0).map((s) => {
      const xs = samples[s.id]
      const m = {}
      for (const key of Object.keys(xs[0])) m[key] = median(xs.map((x) => x[key]))
      return [s.id, { ...m, rounds: xs.length }]
    }),
  )
  machine.loadAfter = os.loadavg().map((x) => x.toFixed(2))

  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.platform}, node ${machine.node}`)
  console.log(`versions: mp ${machine.mp} (built dist), mixpanel-node (npm mixpanel) ${machine.mixpanelNode}${machine.mixpanelImport === undefined ? '' : `, mixpanel-import ${machine.mixpanelImport}`}`)
  console.log(`load average (1/5/15 min): before ${machine.loadBefore.join(' ')}, after ${machine.loadAfter.join(' ')}`)
  console.log(`${ROUNDS} rounds, medians; ${N} events (per-call track: ${TRACK_N}); each client in its own process`)
  const files = [...new Map(SCENARIOS.filter((s) => s.inputs?.file !== undefined).map((s) => [s.inputs.file, s.fileMb])).entries()]
  if (files.length > 0) console.log(`command-line rows read ${files.map(([file, mb]) => `${file.slice(root.length + 1)} (${fmt(mb, 1)} MB)`).join(', ')}`)
  console.log('')
  printTable(
    ['scenario', 'events', 'events/s', 'CPU s/100k', 'peak RSS MB', 'wire B/event', 'body B/event', 'requests'],
    SCENARIOS.filter((s) => med[s.id] && !s.outbox).map((s) => {
      const m = med[s.id]
      return [s.label, fmt(s.n), fmt(m.eventsPerSec), fmt(m.cpuSecPer100k, 2), fmt(m.peakRssMb), fmt(m.wirePerEvent, 1), fmt(m.bodyPerEvent, 1), fmt(m.requests)]
    }),
  )
  const outboxRows = SCENARIOS.filter((s) => med[s.id] && s.outbox)
  if (outboxRows.length > 0) {
    console.log(`\noutbox (mp only): ${OUTBOX_N} events, each enqueued as its own insert (8 in flight), then one sender's drain to the sink`)
    printTable(
      ['scenario', 'events', 'enqueued/s', 'delivered/s', 'CPU s/100k', 'peak RSS MB', 'requests'],
      outboxRows.map((s) => {
        const m = med[s.id]
        return [s.label, fmt(s.n), fmt(m.enqueuePerSec), fmt(m.deliverPerSec), fmt(m.cpuSecPer100k, 2), fmt(m.peakRssMb), fmt(m.requests)]
      }),
    )
    if (machine.postgres !== undefined) console.log(`server: ${machine.postgres}, a throwaway instance on 127.0.0.1, default settings (fsync on); its CPU is not in the CPU column`)
  }

  const ratio = (a, b, key, invert = false) => (med[a] && med[b] ? (invert ? med[b][key] / med[a][key] : med[a][key] / med[b][key]) : undefined)
  const checks = [
    // Issue 15's targets: required, then aimed for.
    { name: 'throughput: mp queue ÷ mixpanel-node track_batch', value: ratio('mp-queue', 'mn-track-batch', 'eventsPerSec'), target: '≥ 1.00 (aim 1.25)', pass: (x) => x >= 1 },
    { name: 'CPU/event: mp queue ÷ mixpanel-node track_batch', value: ratio('mp-queue', 'mn-track-batch', 'cpuSecPer100k'), target: '≤ 1.20 (aim 1.00)', pass: (x) => x <= 1.2 },
    { name: 'throughput: mp queue ÷ floor', value: ratio('mp-queue', 'floor', 'eventsPerSec'), target: 'aim ≥ 0.85', pass: (x) => x >= 0.85 },
    { name: 'throughput: mp importEvents ÷ mixpanel-node import_batch', value: ratio('mp-import', 'mn-import-batch', 'eventsPerSec'), target: '≥ 1.20', pass: (x) => x >= 1.2 },
    { name: 'throughput: mp queue ÷ mixpanel-node per-call track', value: ratio('mp-queue', 'mn-track', 'eventsPerSec'), target: 'info' },
    { name: '/import wire bytes/event: mp gzip ÷ mixpanel-node', value: ratio('mp-import', 'mn-import-batch', 'wirePerEvent'), target: '≤ 0.333', pass: (x) => x <= 1 / 3 },
    { name: '/import wire bytes/event: mp no gzip ÷ mixpanel-node', value: ratio('mp-import-plain', 'mn-import-batch', 'wirePerEvent'), target: 'info' },
    { name: 'peak RSS: mp queue ÷ mixpanel-node track_batch', value: ratio('mp-queue', 'mn-track-batch', 'peakRssMb'), target: '≤ 1.00', pass: (x) => x <= 1 },
    { name: 'peak RSS: mp importEvents ÷ mixpanel-node import_batch', value: ratio('mp-import', 'mn-import-batch', 'peakRssMb'), target: '≤ 1.00', pass: (x) => x <= 1 },
    { name: 'dry run records/s: mp import ÷ mixpanel-import', value: ratio('mp-cli-dry', 'mi-dry', 'eventsPerSec'), target: 'info' },
    { name: 'dry run peak RSS: mp import ÷ mixpanel-import', value: ratio('mp-cli-dry', 'mi-dry', 'peakRssMb'), target: 'info (lower is better)' },
    { name: `bounded memory: mp import peak RSS, ${5 * CLI_N} ÷ ${CLI_N} lines`, value: ratio('mp-cli-5x', 'mp-cli', 'peakRssMb'), target: '≤ 1.25', pass: (x) => x <= 1.25 },
    { name: `bounded memory: ${5 * CLI_N} lines within a 64 MB heap (1 = done)`, value: med['mp-cli-5x-cap'] === undefined ? (SCENARIOS.some((x) => x.id === 'mp-cli-5x-cap') ? 0 : undefined) : 1, target: '= 1', pass: (x) => x === 1 },
  ]
  console.log('\nratios (medians):')
  for (const c of checks) {
    const verdict = c.value === undefined ? 'not measured' : c.pass === undefined ? c.target : `${c.target}  ${c.pass(c.value) ? 'MET' : 'MISSED'}`
    console.log(`  ${c.name.padEnd(58)} ${c.value === undefined ? '—' : c.value.toFixed(2).padStart(6)}   ${verdict}`)
  }
  console.log(`\nwall time ${((Date.now() - started) / 1000).toFixed(0)} s${failures > 0 ? `; ${failures} run(s) FAILED (see above)` : ''}`)
  if (JSON_OUT !== undefined) {
    writeFileSync(JSON_OUT, JSON.stringify({ machine, rounds: ROUNDS, events: N, trackEvents: TRACK_N, samples, medians: med, checks: checks.map(({ pass, ...c }) => ({ ...c, met: c.value === undefined || pass === undefined ? undefined : pass(c.value) })) }, null, 2))
  }
  process.exitCode = failures > 0 ? 1 : 0
}

await main()
