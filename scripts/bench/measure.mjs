// The harness every client process runs: prepare the input (not timed), then time one delivery
// run and report wall time, CPU time, and memory to the parent over IPC.
import { readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

// CPU seconds of the main thread and of every other thread of this process (Linux /proc, in clock
// ticks of 10 ms), for scripts/bench/decompose.mjs; undefined where /proc is not there.
const threadCpu = () => {
  try {
    let main = 0
    let other = 0
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100
      if (task === String(process.pid)) main += seconds
      else other += seconds
    }
    return { main, other }
  } catch {
    return undefined
  }
}
const wantThreads = process.env.MP_BENCH_THREADS === '1'

/**
 * @param {() => unknown} prepare builds the client's input; not measured
 * @param {(input: unknown) => Promise<{ delivered: number, errors: number, note?: string }>} run
 *   delivers everything and resolves once the last request was answered
 */
export const measure = async (prepare, run) => {
  const input = prepare()
  // A client's imports load before the clock starts, but Node loads its built-in fetch (undici, about
  // 25 ms of CPU) only when it is first touched: load it here too, for every client, so the fetch-based
  // clients (mp, the floor) are not charged a start-up cost that mixpanel-node's http import paid earlier.
  void new Request('http://127.0.0.1/')
  const rssBeforeMb = process.memoryUsage.rss() / 2 ** 20
  const threads0 = wantThreads ? threadCpu() : undefined
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let outcome
  try {
    outcome = await run(input)
  } catch (error) {
    outcome = { delivered: 0, errors: 1, note: error instanceof Error ? error.message : String(error) }
  }
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const threads1 = threads0 === undefined ? undefined : threadCpu()
  const threads = threads1 === undefined ? undefined : { main: threads1.main - threads0.main, other: threads1.other - threads0.other }
  process.send(
    {
      type: 'result',
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBeforeMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      threads,
      ...outcome,
    },
    () => process.exit(0),
  )
}

/** The run's parameters, passed by the parent as one JSON argument. */
export const params = () => JSON.parse(process.argv[2] ?? '{}')

/** mixpanel-node logs deprecation warnings for `secret`; the benchmark keeps its output clean. */
export const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} }
