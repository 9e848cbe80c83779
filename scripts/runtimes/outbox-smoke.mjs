// The outbox's smoke program for the Node rows of the runtime matrix (the package is Node-only):
//   node scripts/runtimes/outbox-smoke.mjs <emulator-url> <run-id>
// PGlite in memory: migrate, one event enqueued in a committed transaction and one in a rolled-back
// transaction, then one sender's drain. Prints one `OUTBOX_RESULT <json>` line; the parent checks
// that the emulator got the committed event and not the other.
import { PGlite } from '@electric-sql/pglite'
import { buildTrackPayload } from '@mp/events'
import { createOutbox, createOutboxSender } from '@mp/outbox'

const [url, runId = 'outbox'] = process.argv.slice(2)
const token = 'smoke-token'
const event = (name) => buildTrackPayload({ token, distinctId: `${runId}-user`, event: name, properties: { runtime: runId } })

const run = async () => {
  const db = await PGlite.create()
  try {
    const outbox = createOutbox(db)
    const migrated = await outbox.migrate()()
    if (migrated._tag === 'Left') return migrated
    for (const [name, commit] of [['outbox_committed', true], ['outbox_rolled_back', false]]) {
      const built = event(name)
      if (built._tag === 'Left') return built
      await db
        .transaction(async (tx) => {
          const queued = await outbox.enqueue(built.right, { db: tx })()
          if (queued._tag === 'Left' || !commit) await tx.rollback()
        })
        .catch(() => undefined)
    }
    return await createOutboxSender({ token, host: url }, db).drain()()
  } finally {
    await db.close()
  }
}

const result = await run().catch((error) => ({ _tag: 'Left', left: { message: `threw: ${error instanceof Error ? error.message : String(error)}` } }))
console.log(`OUTBOX_RESULT ${JSON.stringify({ ok: result._tag === 'Right' && result.right.delivered === 1, result, resolved: import.meta.resolve('@mp/outbox') })}`)
process.exit(result._tag === 'Right' ? 0 : 1)
