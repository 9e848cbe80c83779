import { either as E } from 'fp-ts'
import { afterAll, describe, expect, it } from 'vitest'
import type { Checkpoint } from './checkpointTypes.ts'
import { readCheckpoint } from './readCheckpoint.ts'
import { tempDir } from './test-io.ts'
import { writeCheckpoint } from './writeCheckpoint.ts'

const dir = tempDir()
afterAll(() => dir.remove())

const checkpoint: Checkpoint = {
  mp: 'import-checkpoint',
  version: 1,
  kind: 'events',
  updatedAt: '2026-01-01T00:00:00.000Z',
  files: { '/data/a.ndjson': { records: 10, line: 12, offset: 345, done: false, size: 1000, mtimeMs: 1.5e12 } },
}

describe('readCheckpoint', () => {
  it('answers undefined when there is no checkpoint yet, and reads back what writeCheckpoint wrote', async () => {
    const path = `${dir.dir}/cp.json`
    expect(await readCheckpoint(path, 'events')).toEqual(E.right(undefined))
    expect(writeCheckpoint(path, checkpoint)).toBeUndefined()
    expect(await readCheckpoint(path, 'events')).toEqual(E.right(checkpoint))
  })

  it('refuses a file that is not a checkpoint, or one of another kind', async () => {
    const other = dir.write('other.json', '{"hello":1}')
    expect(await readCheckpoint(other, 'events')).toEqual(E.left(`--checkpoint ${other}: not a checkpoint written by mp import (move it away, or name another file)`))
    expect(await readCheckpoint(dir.write('broken.json', '{'), 'events')).toMatchObject({ _tag: 'Left' })
    const bad = dir.write('bad.json', JSON.stringify({ ...checkpoint, files: { a: { records: -1 } } }))
    expect(E.isLeft(await readCheckpoint(bad, 'events'))).toBe(true)
    const path = `${dir.dir}/events.json`
    writeCheckpoint(path, checkpoint)
    expect(await readCheckpoint(path, 'profiles')).toEqual(E.left(`--checkpoint ${path}: it records an import of events, not profiles`))
    expect(await readCheckpoint(dir.dir, 'events')).toMatchObject({ _tag: 'Left', left: expect.stringContaining('cannot be read') })
  })
})
