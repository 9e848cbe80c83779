import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { emulatorPerFile } from '@mp/emulator'
import { buildTrackPayload } from '@mp/events'
import { createOutbox } from './createOutbox.ts'
import { createOutboxSender } from './createOutboxSender.ts'
import { childScript } from './test-child.ts'
import { right, rowsOf } from './test-db.ts'

// A real crash, within `pnpm test`: a sender in its own process, holding a claim whose request is
// in flight, is SIGKILLed. PGlite keeps its data in a directory that one process opens at a time,
// so the survivor opens it once the killed process is gone (Postgres's crash recovery runs then).
// Many senders at once against a real server: scripts/outbox-crash.mjs.
const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })
const token = 'kill-token'
const table = 'mp_outbox'
const EVENTS = 60
const LEASE_MS = 2000

const SENDER = `
import { PGlite } from '@electric-sql/pglite'
import { createOutboxSender } from '@mp/outbox'
const [dataDir, host] = process.argv.slice(2)
const db = await PGlite.create(dataDir)
const sender = createOutboxSender({ token: '${token}', host, retry: { limit: 0 }, timeoutMs: 60000 }, db, { table: '${table}', leaseMs: ${LEASE_MS}, batchSize: 25, concurrency: 1, name: 'doomed' })
process.send('ready')
await sender.drain()()
process.send('drained')
`

let dataDir = ''
let script = ''
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mp-outbox-pgdata-'))
  script = childScript(SENDER)
})
afterAll(() => {
  for (const dir of [dataDir, dirname(script)]) rmSync(dir, { recursive: true, force: true })
})

const until = async (check: () => boolean, ms: number): Promise<boolean> => {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  return check()
}

it('a sender SIGKILLed mid-batch loses nothing: after the lease another process delivers every row, Mixpanel keeps one copy each', async () => {
  const setup = await PGlite.create(dataDir)
  const outbox = createOutbox(setup, { table })
  right(await outbox.migrate()())
  for (let n = 0; n < EVENTS; n++) {
    right(await outbox.enqueue(right(buildTrackPayload({ token, distinctId: `u${n}`, event: 'Purchase' }, { insertId: () => `kill-${n}` })))())
  }
  await setup.close()

  // Mixpanel takes 1.5 s over the first batch and stores it then, whether or not anyone still listens.
  emu.faults.next(1, { kind: 'latency', ms: 1500 }, { path: '/track' })
  const child = fork(script, [dataDir, emu.url], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const messages: unknown[] = []
  child.on('message', (m) => messages.push(m))
  expect(await until(() => emu.requests().length > 0, 30_000)).toBe(true)
  child.kill('SIGKILL')
  await exited
  expect(messages).toStrictEqual(['ready'])

  const db = await PGlite.create(dataDir)
  try {
    const rows = await rowsOf(db, table)
    expect(rows).toHaveLength(EVENTS)
    // The killed sender's claim: 25 rows still leased to it.
    expect(rows.filter((r) => r['locked_by'] === 'doomed#1')).toHaveLength(25)
    const survivor = createOutboxSender({ token, host: emu.url, retry: { limit: 0 } }, db, { table, leaseMs: LEASE_MS })
    let delivered = right(await survivor.drain()()).delivered
    expect(delivered).toBe(EVENTS - 25)
    for (let i = 0; i < 100 && delivered < EVENTS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      delivered += right(await survivor.drain()()).delivered
    }
    expect(delivered).toBe(EVENTS)
    expect(await rowsOf(db, table)).toStrictEqual([])
    const stored = emu.events().map((e) => String(e.properties['$insert_id']))
    expect(new Set(stored)).toStrictEqual(new Set(Array.from({ length: EVENTS }, (_, n) => `kill-${n}`)))
    expect(stored).toHaveLength(EVENTS)
    // Whichever copy of the killed sender's batch Mixpanel stored second, it was deduplicated.
    expect(await until(() => emu.requests()[0]?.status === 200, 10_000)).toBe(true)
    expect(emu.stats()).toMatchObject({ eventsStored: EVENTS, duplicates: 25 })
  } finally {
    await db.close()
  }
}, 60_000)
