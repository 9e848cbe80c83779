import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { Checkpoint } from './checkpointTypes.ts'
import { createCheckpointSaver } from './createCheckpointSaver.ts'
import { createLedger } from './createLedger.ts'
import { tempDir } from './test-io.ts'

const dir = tempDir()
afterAll(() => dir.remove())

const inputs = [
  { name: 'a.ndjson', path: '/data/a.ndjson', size: 100, mtimeMs: 5 },
  { name: '-', path: undefined, size: undefined, mtimeMs: undefined },
]
const previous: Checkpoint = {
  mp: 'import-checkpoint',
  version: 1,
  kind: 'events',
  updatedAt: 'x',
  files: { '/data/old.ndjson': { records: 9, line: 9, offset: 90, done: true, size: 90, mtimeMs: 1 } },
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Checkpoint

describe('createCheckpointSaver', () => {
  it("writes this run's positions over the earlier checkpoint's, after flushing the rejects", () => {
    const ledger = createLedger([{ records: 0, line: 0, offset: 0, done: false }, { records: 0, line: 0, offset: undefined, done: false }])
    const calls: string[] = []
    const rejects = { write: () => undefined, sync: () => (calls.push('sync'), undefined), close: () => undefined }
    const save = createCheckpointSaver({ kind: 'events', inputs, previous, ledger, rejects }, 60_000)
    const path = `${dir.dir}/cp.json`
    ledger.add(0, 0, 1, 10)
    ledger.settle(0, 'imported')
    expect(save(path, true)).toBeUndefined()
    expect(calls).toEqual(['sync'])
    expect(read(path).files).toEqual({
      '/data/old.ndjson': previous.files['/data/old.ndjson'],
      '/data/a.ndjson': { records: 1, line: 1, offset: 10, done: false, size: 100, mtimeMs: 5 },
    })
    // Within the interval nothing is written unless forced.
    ledger.add(1, 0, 2, 20)
    ledger.settle(1, 'imported')
    expect(save(path, false)).toBeUndefined()
    expect(read(path).files['/data/a.ndjson']?.records).toBe(1)
    save(path, true)
    expect(read(path).files['/data/a.ndjson']?.records).toBe(2)
  })

  it('writes nothing when the rejects cannot be flushed', () => {
    const ledger = createLedger([{ records: 0, line: 0, offset: 0, done: false }, { records: 0, line: 0, offset: undefined, done: false }])
    const rejects = { write: () => undefined, sync: () => 'disk full', close: () => undefined }
    const path = `${dir.dir}/never.json`
    expect(createCheckpointSaver({ kind: 'events', inputs, previous: undefined, ledger, rejects }, 0)(path, true)).toBe('disk full')
    expect(() => readFileSync(path)).toThrow()
  })
})
