#!/usr/bin/env node
// The outbox under fire, across processes and a real PostgreSQL server: 2 producer processes commit
// (or roll back) business rows and their events in one transaction; 3 sender processes deliver the
// outbox to the emulator, which injects a seeded mix of faults; meanwhile senders are SIGKILLed at
// random and restarted. At the end every committed event must be stored by the emulator exactly
// once, no rolled-back event at all, nothing dead-lettered or left behind, and every alias must
// have been acknowledged before any later event of its producer reached Mixpanel. Prints the
// figures; exits 1 on any loss or breach.
//
//   pnpm build && node scripts/outbox-crash.mjs [--events 8000] [--seed 7]
//
// --events: transactions per producer. The server is a throwaway one (scripts/outbox/
// throwaway-postgres.mjs): Debian's PostgreSQL, installed with apt-get when missing, in a temp
// directory on a 127.0.0.1 port, removed afterwards, also on failure.
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startThrowawayPostgres } from './outbox/throwaway-postgres.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const TOKEN = 'crash-token'
const API_SECRET = 'crash-api-secret'
const TABLE = 'mp_outbox'
const PRODUCERS = 2
const SENDERS = 3
const LEASE_MS = 1500
/** Every this many transactions a producer also enqueues a `$create_alias`, before that transaction's event. */
const ALIAS_EVERY = 50
const DEADLINE_MS = 170_000

/** About one request in four fails; all transient (a 413 on a one-record batch would be a true poison record). */
export const FAULTS = [
  { fault: { kind: 'status', status: 500 }, probability: 0.05 },
  { fault: { kind: 'status', status: 503 }, probability: 0.04 },
  { fault: { kind: 'status', status: 429 }, probability: 0.04 },
  { fault: { kind: 'reset', when: 'before' }, probability: 0.03 },
  { fault: { kind: 'reset', when: 'after' }, probability: 0.03 },
  { fault: { kind: 'latency', ms: 300 }, probability: 0.03 },
  { fault: { kind: 'hang' }, probability: 0.02 },
]

const senderConfig = (host) => ({ token: TOKEN, apiSecret: API_SECRET, host, timeoutMs: 1000, retry: { limit: 2, baseDelayMs: 20, maxDelayMs: 200 } })

const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const unwrap = (either, what) => {
  if (either._tag === 'Left') throw new Error(`${what}: ${either.left.message}`)
  return either.right
}

// ---- producer process: business row + events, one transaction each, some rolled back ----

const producer = async ([url, index, events, seed]) => {
  const { createOutbox } = await import('@mp/outbox')
  const { buildImportPayload, buildTrackPayload } = await import('@mp/events')
  const { buildAliasPayload } = await import('@mp/identity')
  const k = Number(index)
  process.once('disconnect', () => process.exit(1))
  const random = prng(Number(seed) * 31 + k)
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const outbox = createOutbox(pool, { table: TABLE })
  const nowS = Math.floor(Date.now() / 1000)
  let committed = 0
  let rolledBack = 0
  for (let n = 0; n < Number(events); n++) {
    const id = `p${k}-${n}`
    const requests = []
    if (n % ALIAS_EVERY === 0) requests.push(unwrap(buildAliasPayload({ token: TOKEN, aliasId: `${id}-user`, original: `${id}-anon` }), 'alias'))
    const common = { token: TOKEN, distinctId: `user-${k}-${n % 97}`, event: 'Purchase', properties: { producer: k, seq: n } }
    requests.push(
      n % 10 === 9
        ? unwrap(buildImportPayload({ ...common, timestamp: nowS - 60 }, { insertId: () => id }), 'import')
        : unwrap(buildTrackPayload(common, { insertId: () => id }), 'track'),
    )
    const rollback = random() < 0.1
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query('INSERT INTO purchases (id, producer, seq) VALUES ($1, $2, $3)', [id, k, n])
      for (const request of requests) unwrap(await outbox.enqueue(request, { db: client })(), 'enqueue')
      await client.query(rollback ? 'ROLLBACK' : 'COMMIT')
      if (rollback) rolledBack++
      else committed++
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
  await pool.end()
  process.send({ type: 'done', committed, rolledBack }, () => process.exit(0))
}

// ---- sender process: polls until told to stop (SIGTERM) or killed (SIGKILL) ----

const sender = async ([url, name, host]) => {
  const { createOutboxSender } = await import('@mp/outbox')
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  const options = { table: TABLE, name, leaseMs: LEASE_MS, pollMs: 50, batchSize: 100, concurrency: 2, backoffMs: 50, maxBackoffMs: 500 }
  const outbox = createOutboxSender(senderConfig(host), pool, { ...options, onError: () => {} })
  outbox.start()
  process.once('SIGTERM', async () => {
    await outbox.stop()()
    await pool.end()
    process.exit(0)
  })
  process.send({ type: 'ready' })
  // The orchestrator is gone (crashed or interrupted): do not outlive it.
  process.once('disconnect', () => process.exit(1))
}

// ---- the orchestrator ----

const argument = (argv, name, fallback) => {
  const at = argv.indexOf(name)
  if (at === -1) return fallback
  const value = Number(argv[at + 1])
  if (!Number.isInteger(value) || value < 1) {
    console.error(`outbox-crash: ${name} needs a whole number ≥ 1`)
    process.exit(2)
  }
  return value
}

const spawnRole = (role, args) => fork(fileURLToPath(import.meta.url), [role, ...args.map(String)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })

const once = (child, type) => new Promise((resolve, reject) => {
  child.on('message', (m) => m?.type === type && resolve(m))
  child.once('exit', (code, signal) => reject(new Error(`${type}: child exited (${code ?? signal}) first`)))
})

/** For each alias: every request carrying a later event of its producer must arrive after one that stored the alias. */
const orderingBreaches = (requests) => {
  const firstStoredAlias = new Map()
  const firstSeen = new Map()
  requests.forEach((r, at) => {
    for (const record of r.records) {
      const p = record.properties ?? {}
      if (record.event === '$create_alias' && r.status === 200 && !firstStoredAlias.has(p.alias)) firstStoredAlias.set(p.alias, at)
      if (typeof p.producer === 'number' && !firstSeen.has(`p${p.producer}-${p.seq}`)) firstSeen.set(`p${p.producer}-${p.seq}`, at)
    }
  })
  const breaches = []
  let checked = 0
  for (const [alias, ackedAt] of firstStoredAlias) {
    const [, k, n] = /^p(\d+)-(\d+)-user$/.exec(alias) ?? []
    checked++
    for (const [id, at] of firstSeen) {
      const [, k2, n2] = /^p(\d+)-(\d+)$/.exec(id) ?? []
      if (k2 === k && Number(n2) >= Number(n) && at < ackedAt) breaches.push(`${id} reached Mixpanel before ${alias} was stored`)
    }
  }
  return { checked, breaches }
}

const main = async (argv) => {
  const events = argument(argv, '--events', 8000)
  const seed = argument(argv, '--seed', 7)
  if (!existsSync(join(here, '..', 'packages', 'outbox', 'dist', 'index.js'))) {
    console.error('outbox-crash: run `pnpm build` first (this script runs the built packages)')
    process.exit(2)
  }
  const started = Date.now()
  const { startEmulator } = await import('@mp/emulator')
  const { createOutbox } = await import('@mp/outbox')
  const log = (line) => console.log(`outbox-crash: ${line}`)
  const children = new Set()
  // Ctrl-C or a CI timeout: exit through 'exit', where the children die and the server is removed.
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1))
  let server
  let emu
  let pool
  try {
    server = await startThrowawayPostgres({ log })
    emu = await startEmulator({ port: 0, credentials: { apiSecret: API_SECRET } })
    emu.faults.random({ seed, faults: FAULTS })
    pool = new pg.Pool({ connectionString: server.url, max: 2 })
    unwrap(await createOutbox(pool, { table: TABLE }).migrate()(), 'migrate')
    await pool.query('CREATE TABLE purchases (id text PRIMARY KEY, producer int NOT NULL, seq int NOT NULL)')
    log(`${PRODUCERS} producers × ${events} transactions, ${SENDERS} senders (lease ${LEASE_MS} ms), seed ${seed}`)

    const senders = []
    const startSender = async (i, generation) => {
      const name = `s${i}g${generation}`
      const child = spawnRole('--sender', [server.url, name, emu.url])
      children.add(child)
      child.once('exit', () => children.delete(child))
      senders[i] = { child, name, generation }
      await once(child, 'ready')
    }
    for (let i = 0; i < SENDERS; i++) await startSender(i, 0)

    const producers = Array.from({ length: PRODUCERS }, (_, k) => {
      const child = spawnRole('--producer', [server.url, k, events, seed])
      children.add(child)
      return once(child, 'done')
    })
    let producing = true
    const produced = Promise.all(producers).finally(() => (producing = false))
    produced.catch(() => {}) // awaited below; a producer that fails must not crash the loop first

    const chaos = prng(seed)
    const figures = { kills: 0, killsHoldingRows: 0, restarts: 0 }
    const remaining = async () => Number((await pool.query(`SELECT count(*) AS n FROM "${TABLE}"`)).rows[0].n)
    // Kill while producing, and on through the drain until nothing is left (or the deadline).
    let left = 1
    while ((producing || left > 0) && Date.now() - started < DEADLINE_MS) {
      await sleep(200 + Math.floor(chaos() * 600))
      left = await remaining()
      if (!producing && left === 0) break
      const i = Math.floor(chaos() * SENDERS)
      const victim = senders[i]
      const held = Number((await pool.query(`SELECT count(*) AS n FROM "${TABLE}" WHERE locked_by LIKE $1 AND locked_until > now()`, [`${victim.name}#%`])).rows[0].n)
      const exited = new Promise((resolve) => victim.child.once('exit', resolve))
      victim.child.kill('SIGKILL')
      await exited
      figures.kills++
      if (held > 0) figures.killsHoldingRows++
      await sleep(100 + Math.floor(chaos() * 400))
      await startSender(i, victim.generation + 1)
      figures.restarts++
    }
    const [a, b] = await produced
    // No more kills: let the survivors finish, then stop them cleanly.
    while ((left = await remaining()) > 0 && Date.now() - started < DEADLINE_MS + 60_000) await sleep(200)
    for (const s of senders) s.child.kill('SIGTERM')
    await Promise.all(senders.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve() : s.child.once('exit', resolve)))))

    const committed = new Set((await pool.query('SELECT id FROM purchases')).rows.map((r) => r.id))
    const attempted = PRODUCERS * events
    const stored = emu.events().map((e) => e.properties.$insert_id).filter((id) => typeof id === 'string' && /^p\d+-\d+$/.test(id))
    const storedSet = new Set(stored)
    const lost = [...committed].filter((id) => !storedSet.has(id))
    const rolledBackStored = stored.filter((id) => !committed.has(id))
    const dead = Number((await pool.query(`SELECT count(*) AS n FROM "${TABLE}_dead"`)).rows[0].n)
    const requests = emu.requests()
    const faults = {}
    for (const r of requests) if (r.fault !== undefined) faults[r.fault === 'status' ? `status ${r.status}` : r.fault] = (faults[r.fault === 'status' ? `status ${r.status}` : r.fault] ?? 0) + 1
    const ordering = orderingBreaches(requests)
    const cpus = os.cpus()
    const result = {
      transactions: attempted,
      committedEvents: committed.size,
      rolledBackEvents: attempted - committed.size,
      producersReported: { committed: a.committed + b.committed, rolledBack: a.rolledBack + b.rolledBack },
      aliasesChecked: ordering.checked,
      kills: figures.kills,
      killsWhileHoldingRows: figures.killsHoldingRows,
      restarts: figures.restarts,
      stored: storedSet.size,
      lost: lost.length,
      lostSample: lost.slice(0, 10),
      duplicatesStored: stored.length - storedSet.size,
      rolledBackStored: rolledBackStored.length,
      redeliveriesDeduplicated: emu.stats().duplicates,
      deadLettered: dead,
      leftInOutbox: left,
      orderingBreaches: ordering.breaches.length,
      orderingSample: ordering.breaches.slice(0, 5),
      requests: requests.length,
      faultsInjected: Object.values(faults).reduce((n, x) => n + x, 0),
      faults,
      elapsedS: Math.round((Date.now() - started) / 100) / 10,
      machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10), node: process.version, postgres: server.version },
      settings: { seed, lease: LEASE_MS, senders: SENDERS, producers: PRODUCERS, rollbackRate: 0.1, aliasEvery: ALIAS_EVERY, sender: { batchSize: 100, concurrency: 2, pollMs: 50 } },
    }
    console.log(JSON.stringify(result, null, 2))
    const ok =
      result.lost === 0 && result.duplicatesStored === 0 && result.rolledBackStored === 0 && dead === 0 && left === 0 && result.orderingBreaches === 0 &&
      result.kills > 0 && result.committedEvents === result.producersReported.committed
    log(
      `${ok ? 'OK' : 'FAILED'}: ${result.committedEvents} committed events, ${result.rolledBackEvents} rolled back, ${result.kills} kills ` +
        `(${result.killsWhileHoldingRows} holding rows), ${result.restarts} restarts, ${result.stored} stored, lost = ${result.lost}, ` +
        `duplicates stored = ${result.duplicatesStored}, rolled back stored = ${result.rolledBackStored}, dead = ${dead}, ordering breaches = ${result.orderingBreaches}, ${result.elapsedS} s`,
    )
    process.exitCode = ok ? 0 : 1
  } catch (error) {
    console.error(`outbox-crash: FAILED: ${error instanceof Error ? error.stack : String(error)}`)
    process.exitCode = 1
  } finally {
    for (const child of children) child.kill('SIGKILL')
    await pool?.end().catch(() => {})
    await emu?.stop()
    server?.stop()
  }
}

const role = process.argv[2]
if (role === '--producer') await producer(process.argv.slice(3))
else if (role === '--sender') await sender(process.argv.slice(3))
else await main(process.argv.slice(2))
