import { either as E } from 'fp-ts'
import { afterAll, describe, expect, it } from 'vitest'
import { preflight } from './preflight.ts'
import { tempDir } from './test-io.ts'
import type { ImportPlan } from './types.ts'
import { writeCheckpoint } from './writeCheckpoint.ts'

const dir = tempDir()
afterAll(() => dir.remove())

const plan = (extra: Partial<ImportPlan>): ImportPlan => ({ kind: 'events', inputs: ['a.ndjson'], checkpoint: undefined, rejects: undefined, ...extra }) as ImportPlan

describe('preflight', () => {
  it('opens the inputs, reads the checkpoint and opens the rejects for appending when resuming', async () => {
    const path = dir.write('a.ndjson', '{}\n')
    dir.write('r.ndjson', 'from another import\n')
    const ready = await preflight(plan({ rejects: 'r.ndjson', checkpoint: 'cp.json' }), dir.dir)
    expect(ready).toMatchObject({ _tag: 'Right', right: { checkpoint: undefined, checkpointPath: `${dir.dir}/cp.json` } })
    if (E.isRight(ready)) ready.right.rejects?.close()
    // A fresh import starts the rejects file over; a resumed one keeps what the earlier run wrote.
    expect((await import('node:fs')).readFileSync(`${dir.dir}/r.ndjson`, 'utf8')).toBe('')
    dir.write('r.ndjson', '{"earlier":1}\n')
    const { size, mtimeMs } = (await import('node:fs')).statSync(path)
    writeCheckpoint(`${dir.dir}/cp.json`, { mp: 'import-checkpoint', version: 1, kind: 'events', updatedAt: '', files: { [path]: { records: 1, line: 1, offset: 3, done: true, size, mtimeMs } } })
    const resumed = await preflight(plan({ rejects: 'r.ndjson', checkpoint: 'cp.json' }), dir.dir)
    expect(resumed).toMatchObject({ _tag: 'Right', right: { checkpoint: { kind: 'events' } } })
    if (E.isRight(resumed)) resumed.right.rejects?.close()
    expect((await import('node:fs')).readFileSync(`${dir.dir}/r.ndjson`, 'utf8')).toBe('{"earlier":1}\n')
  })

  it('refuses an input that changed since its checkpoint', async () => {
    const path = dir.write('b.ndjson', '{}\n')
    writeCheckpoint(`${dir.dir}/b.json`, { mp: 'import-checkpoint', version: 1, kind: 'events', updatedAt: '', files: { [path]: { records: 1, line: 1, offset: 3, done: true, size: 2, mtimeMs: 0 } } })
    expect(await preflight(plan({ inputs: ['b.ndjson'], checkpoint: 'b.json' }), dir.dir)).toEqual(
      E.left('b.ndjson changed since the checkpoint was written (size or modification time); delete b.json to import it from the start'),
    )
  })
})
