// The one smoke program every runtime runs: load every edge package, then alias, merge, track, a small importEvents and a queue flush
// against the emulator, through the public packages' BUILT dist. Plain ES2022, web APIs only, so Node,
// Deno, Bun and workerd (bundled by rollup) all run this same file. It never throws: each step's
// outcome is data, and the caller decides how to report it.
import { alias, merge } from '@mp/identity'
import { buildTrackPayload, importEvents, track } from '@mp/events'
import { createQueue } from '@mp/queue'

/** Records the smoke run sends, keyed by event name; the parent checks them against the emulator. */
export const expectedRecords = { $create_alias: 1, $merge: 1, smoke_track: 1, smoke_import: 3, smoke_queued: 5 }

/** The distinct ids a run uses, unique per run so runs never see each other's data. */
export const smokeIds = (runId) => ({ anon: `${runId}-anon`, user: `${runId}-user`, email: `${runId}-email` })

const describe = (value) => {
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

const step = async (name, run) => {
  try {
    const result = await run()
    if (result?._tag === 'Right') return { step: name, ok: true, detail: result.right }
    if (result?._tag === 'Left') return { step: name, ok: false, detail: result.left }
    return { step: name, ok: false, detail: `not an Either: ${describe(result)}` }
  } catch (error) {
    return { step: name, ok: false, detail: `threw: ${error instanceof Error ? `${error.name}: ${error.message}` : describe(error)}` }
  }
}

const queueFlush = async (config, ids) => {
  const queue = createQueue(config, { batchSize: 2 })
  for (let i = 0; i < expectedRecords.smoke_queued; i += 1) {
    const request = buildTrackPayload({ token: config.token, distinctId: ids.user, event: 'smoke_queued', properties: { n: i } })
    if (request._tag === 'Left') return request
    const queued = queue.enqueue(request.right)
    if (queued._tag === 'Left') return queued
  }
  const report = await queue.close()()
  if (report._tag === 'Left') return report
  const { delivered, failed, remaining } = report.right
  return delivered === expectedRecords.smoke_queued && failed === 0 && remaining === 0
    ? report
    : { _tag: 'Left', left: { message: `queue report ${describe({ delivered, failed, remaining })}` } }
}

/** Every package that must load on the edge (the emulator is Node-only and stays out). */
export const EDGE_PACKAGES = ['@mp/core', '@mp/send', '@mp/identity', '@mp/events', '@mp/people', '@mp/groups', '@mp/queue', '@mp/mixpanel', '@mp/flags']

// Literal specifiers, so a bundler sees (and inlines) each one.
const loaders = {
  '@mp/core': () => import('@mp/core'),
  '@mp/send': () => import('@mp/send'),
  '@mp/identity': () => import('@mp/identity'),
  '@mp/events': () => import('@mp/events'),
  '@mp/people': () => import('@mp/people'),
  '@mp/groups': () => import('@mp/groups'),
  '@mp/queue': () => import('@mp/queue'),
  '@mp/mixpanel': () => import('@mp/mixpanel'),
  '@mp/flags': () => import('@mp/flags'),
}

const loadAll = async () => {
  const counts = {}
  for (const name of EDGE_PACKAGES) {
    const names = Object.keys(await loaders[name]())
    if (names.length === 0) return { _tag: 'Left', left: { message: `${name} loaded but exports nothing` } }
    counts[name] = names.length
  }
  return { _tag: 'Right', right: counts }
}

/**
 * Runs every smoke step against `url` (the emulator's origin) and answers `{ ok, steps }`.
 * @example
 * const { ok, steps } = await runSmoke({ url: 'http://127.0.0.1:4000', runId: 'node22-1' })
 */
export const runSmoke = async ({ url, runId }) => {
  // An Original ID Merge project (the matrix starts its emulator so): alias and merge link ids there.
  const config = { token: 'smoke-token', apiSecret: 'smoke-secret', host: url, idMerge: 'original', retry: { limit: 1, baseDelayMs: 50, maxDelayMs: 200 } }
  const ids = smokeIds(runId)
  const nowSeconds = Math.floor(Date.now() / 1000)
  const steps = [
    await step('load every package', loadAll),
    await step('alias', () => alias(config)({ aliasId: ids.user, original: ids.anon })()),
    await step('merge', () => merge(config)({ distinctId1: ids.user, distinctId2: ids.email })()),
    await step('track', () => track(config)({ distinctId: ids.user, event: 'smoke_track', properties: { runtime: runId } })()),
    await step('importEvents', () =>
      importEvents(config)(
        Array.from({ length: expectedRecords.smoke_import }, (_, i) => ({
          event: 'smoke_import',
          properties: { distinct_id: ids.user, time: nowSeconds - 60 * (i + 1), n: i },
        })),
      )(),
    ),
    await step('queue flush', () => queueFlush(config, ids)),
  ]
  return { ok: steps.every((s) => s.ok), steps }
}
