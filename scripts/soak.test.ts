import { describe, it, expect } from 'vitest'

interface SoakFigures {
  readonly sent: number
  readonly refusedAtEnqueue: number
  readonly delivered: number
  readonly stored: number
  readonly lost: number
  readonly missingSample: ReadonlyArray<string>
  readonly droppedByQueue: number
  readonly droppedSample: ReadonlyArray<string>
  readonly remainingInQueue: number
  readonly closedCleanly: boolean
  readonly duplicateDeliveries: number
  readonly httpAttempts: number
  readonly batches: number
  readonly retries: number
  readonly faultsInjected: number
  readonly faults: Readonly<Record<string, number>>
  readonly requestsReceived: number
}
interface SoakModule {
  readonly runSoak: (options: { events: number; seed: number; batchSize: number; timeoutMs: number; chunk: number }) => Promise<SoakFigures>
}

// Imported, not spawned, so CI runs it against the packages' source without a build; the emulator
// runs in the same process. `node scripts/soak.mjs` is the full-size run (see docs/reliability.md).
const loadSoak = async (): Promise<SoakModule> => (await import(new URL('./soak.mjs', import.meta.url).href)) as SoakModule

describe('soak (CI size): 20 000 events through @mp/queue under injected faults', () => {
  it('loses nothing, drops nothing, and the faults really happened', async () => {
    const { runSoak } = await loadSoak()
    const figures = await runSoak({ events: 20_000, seed: 42, batchSize: 200, timeoutMs: 300, chunk: 5_000 })

    expect({ lost: figures.lost, missing: figures.missingSample, dropped: figures.droppedSample }).toStrictEqual({ lost: 0, missing: [], dropped: [] })
    expect(figures.stored).toBe(20_000)
    expect(figures.refusedAtEnqueue).toBe(0)
    expect(figures.droppedByQueue).toBe(0)
    expect(figures.remainingInQueue).toBe(0)
    expect(figures.closedCleanly).toBe(true)
    // Every record acknowledged at least once; re-sends after resets and late answers are the
    // at-least-once part, and the emulator's $insert_id dedup absorbs them.
    expect(figures.delivered).toBeGreaterThanOrEqual(20_000)
    // The run was really hostile: faults of several kinds, and retries to get past them.
    expect(figures.faultsInjected).toBeGreaterThan(10)
    expect(Object.keys(figures.faults).length).toBeGreaterThanOrEqual(4)
    expect(figures.retries).toBeGreaterThan(0)
    expect(figures.requestsReceived).toBeGreaterThan(figures.batches)
  }, 120_000)
})
