#!/usr/bin/env node
// Soak test: pushes N events through @mp/queue into the emulator while it injects a seeded mix of
// faults (5xx, 429 with and without Retry-After, 413, connection resets before and after storing,
// hangs and answers past the timeout), then counts what Mixpanel (the emulator) stored.
// Exits 1 on any lost or dropped event.
//
//   pnpm build && node scripts/soak.mjs [--events 200000] [--seed 1] [--batch 500]
//
// Run directly, it imports the built packages (dist) and runs the emulator in a child process, so
// the peak RSS it prints is the client's alone. `scripts/soak.test.ts` imports `runSoak` instead
// (source packages, emulator in the same process) for a short CI version.
import { fork } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { either as E } from 'fp-ts'
import { startEmulator } from '@mp/emulator'
import { buildImportPayload, buildTrackPayload } from '@mp/events'
import { createQueue } from '@mp/queue'

const TOKEN = 'soak-token'
const API_SECRET = 'soak-api-secret'

/** The fault mix: probability per request; about one request in three fails somehow. */
export const FAULTS = [
  { fault: { kind: 'status', status: 500 }, probability: 0.05 },
  { fault: { kind: 'status', status: 502 }, probability: 0.02 },
  { fault: { kind: 'status', status: 503 }, probability: 0.04 },
  { fault: { kind: 'status', status: 429 }, probability: 0.04 },
  { fault: { kind: 'status', status: 429, retryAfter: '1' }, probability: 0.02 },
  { fault: { kind: 'status', status: 413 }, probability: 0.03 },
  { fault: { kind: 'reset', when: 'before' }, probability: 0.03 },
  { fault: { kind: 'reset', when: 'after' }, probability: 0.03 },
  { fault: { kind: 'hang' }, probability: 0.02 },
  { fault: { kind: 'latency', ms: 450 }, probability: 0.02 },
]

const faultName = (fault) =>
  fault.kind === 'status'
    ? `${fault.status}${fault.retryAfter === undefined ? '' : ` Retry-After ${fault.retryAfter}`}`
    : fault.kind === 'reset'
      ? `reset ${fault.when} storing`
      : fault.kind === 'latency'
        ? `answer after ${fault.ms} ms`
        : 'hang'

// ---- the emulator side: in this process, or in a child that answers over IPC ----

const emulatorState = (emu, events, prefix) => {
  const wanted = new Set()
  for (const e of emu.events()) {
    const id = e.properties['$insert_id']
    if (typeof id === 'string' && id.startsWith(prefix)) wanted.add(id)
  }
  const missing = []
  for (let i = 0; i < events && missing.length < 20; i++) if (!wanted.has(`${prefix}${i}`)) missing.push(`${prefix}${i}`)
  const faults = {}
  let faulted = 0
  for (const r of emu.requests()) {
    if (r.fault === undefined) continue
    faulted += 1
    const key = r.fault === 'status' ? `status ${r.status}` : r.fault
    faults[key] = (faults[key] ?? 0) + 1
  }
  const stats = emu.stats()
  return { stored: wanted.size, missing, requests: stats.requests, faulted, faults, duplicates: stats.duplicates, maxRssKb: process.resourceUsage().maxRSS }
}

const serveEmulator = () => {
  let emu
  process.on('message', async (message) => {
    if (message.type === 'start') {
      emu = await startEmulator({ port: 0, credentials: { apiSecret: API_SECRET } })
      emu.faults.random({ seed: message.seed, faults: FAULTS })
      process.send({ type: 'started', url: emu.url })
    } else if (message.type === 'report') {
      emu.faults.clear()
      process.send({ type: 'report', state: emulatorState(emu, message.events, message.prefix) })
    } else if (message.type === 'stop') {
      await emu?.stop()
      process.exit(0)
    }
  })
}

const inlineEmulator = async (seed) => {
  const emu = await startEmulator({ port: 0, credentials: { apiSecret: API_SECRET } })
  emu.faults.random({ seed, faults: FAULTS })
  return {
    url: emu.url,
    report: async (events, prefix) => {
      emu.faults.clear()
      return emulatorState(emu, events, prefix)
    },
    stop: () => emu.stop(),
  }
}

const childEmulator = async (seed) => {
  const child = fork(fileURLToPath(import.meta.url), ['--serve-emulator'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const next = (type) => new Promise((resolve) => child.once('message', (m) => m.type === type && resolve(m)))
  const started = next('started')
  child.send({ type: 'start', seed })
  const { url } = await started
  return {
    url,
    report: async (events, prefix) => {
      const answer = next('report')
      child.send({ type: 'report', events, prefix })
      return (await answer).state
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.send({ type: 'stop' })
      await exited
    },
  }
}

// ---- the client side ----

const buildEvent = (i, prefix, nowS) => {
  const insertId = () => `${prefix}${i}`
  const common = { token: TOKEN, distinctId: `user-${i % 5000}`, event: i % 7 === 0 ? 'Purchase' : 'Page View', properties: { n: i, plan: i % 3 === 0 ? 'pro' : 'free' } }
  // One event in four goes to /import (secret auth, strict mode), the rest to /track.
  return i % 4 === 3 ? buildImportPayload({ ...common, timestamp: nowS - (i % 86_400) }, { insertId }) : buildTrackPayload(common, { insertId })
}

/**
 * Runs the soak and answers its figures. Never throws for a delivery problem: losses are counted.
 * @param {{ events?: number, seed?: number, batchSize?: number, timeoutMs?: number, chunk?: number,
 *   emulator?: 'inline' | 'child', log?: (line: string) => void }} [options]
 */
export const runSoak = async ({ events = 200_000, seed = 1, batchSize = 500, timeoutMs = 300, chunk = 20_000, emulator = 'inline', log = () => {} } = {}) => {
  const started = Date.now()
  const emu = emulator === 'child' ? await childEmulator(seed) : await inlineEmulator(seed)
  const prefix = `soak${seed}-`
  const config = { token: TOKEN, apiSecret: API_SECRET, host: emu.url, timeoutMs, retry: { limit: 4, baseDelayMs: 10, maxDelayMs: 100 } }
  const queue = createQueue(config, { batchSize, concurrency: 4 })
  const totals = { delivered: 0, attempts: 0, batches: 0, kept: 0, dropped: 0, flushes: 0 }
  const dropped = []

  const flush = async () => {
    const result = await queue.flush()()
    if (E.isLeft(result)) throw new Error(`flush failed: ${result.left.message}`)
    const report = result.right
    totals.flushes += 1
    totals.delivered += report.delivered
    totals.attempts += report.attempts
    for (const endpoint of Object.values(report.endpoints)) totals.batches += endpoint?.batches ?? 0
    for (const failure of report.failures) {
      if (failure.kept) totals.kept += failure.records
      else {
        totals.dropped += failure.records
        dropped.push(`${failure.endpoint}: ${failure.error._tag}: ${failure.error.message}`)
      }
    }
    return report
  }

  let refused = 0
  const nowS = Math.floor(Date.now() / 1000)
  for (let i = 0; i < events; i++) {
    const built = buildEvent(i, prefix, nowS)
    if (E.isLeft(built)) throw new Error(`event ${i} did not build: ${built.left.message}`)
    let held = queue.enqueue(built.right)
    while (E.isLeft(held) && held.left._tag === 'QueueFull') {
      await flush()
      held = queue.enqueue(built.right)
    }
    if (E.isLeft(held)) refused += 1
    if ((i + 1) % chunk === 0) {
      await flush()
      log(`  ${String(i + 1).padStart(String(events).length)} enqueued, ${totals.delivered} delivered, ${queue.size} held`)
    }
  }
  // Drain: whatever failed transiently is still held; keep flushing until the queue is empty.
  for (let round = 0; round < 100 && queue.size > 0; round++) await flush()
  const closed = await queue.close()()
  const remaining = queue.size
  const state = await emu.report(events, prefix)
  await emu.stop()

  const cpus = os.cpus()
  return {
    sent: events,
    refusedAtEnqueue: refused,
    delivered: totals.delivered,
    stored: state.stored,
    lost: events - state.stored,
    missingSample: state.missing,
    droppedByQueue: totals.dropped,
    droppedSample: dropped.slice(0, 5),
    remainingInQueue: remaining,
    closedCleanly: E.isRight(closed),
    duplicateDeliveries: state.duplicates,
    httpAttempts: totals.attempts,
    batches: totals.batches,
    retries: totals.attempts - totals.batches,
    recordsRequeued: totals.kept,
    flushes: totals.flushes,
    requestsReceived: state.requests,
    faultsInjected: state.faulted,
    faults: state.faults,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    emulatorPeakRssMb: emulator === 'child' ? Math.round(state.maxRssKb / 1024) : undefined,
    elapsedS: Math.round((Date.now() - started) / 100) / 10,
    machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    settings: { seed, batchSize, timeoutMs, retry: config.retry, concurrency: 4, faultMix: FAULTS.map(({ fault, probability }) => `${faultName(fault)} ${Math.round(probability * 100)}%`) },
  }
}

const argument = (argv, name, fallback) => {
  const at = argv.indexOf(name)
  if (at === -1) return fallback
  const value = Number(argv[at + 1])
  if (!Number.isInteger(value) || value < 0) {
    console.error(`soak: ${name} needs a whole number`)
    process.exit(2)
  }
  return value
}

const main = async (argv) => {
  const events = argument(argv, '--events', 200_000)
  const seed = argument(argv, '--seed', 1)
  const batchSize = argument(argv, '--batch', 500)
  console.log(`soak: ${events} events, seed ${seed}, batches of ${batchSize}, emulator in a child process`)
  const figures = await runSoak({ events, seed, batchSize, emulator: 'child', log: (line) => console.log(line) })
  console.log(JSON.stringify(figures, null, 2))
  const ok = figures.lost === 0 && figures.droppedByQueue === 0 && figures.remainingInQueue === 0
  console.log(ok ? `soak: OK, 0 lost of ${events}` : `soak: FAILED, ${figures.lost} lost, ${figures.droppedByQueue} dropped, ${figures.remainingInQueue} still queued`)
  process.exit(ok ? 0 : 1)
}

if (process.argv.includes('--serve-emulator')) serveEmulator()
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2))
