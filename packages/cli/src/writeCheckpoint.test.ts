import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { Checkpoint } from './checkpointTypes.ts'
import { tempDir } from './test-io.ts'
import { writeCheckpoint } from './writeCheckpoint.ts'

const dir = tempDir()
afterAll(() => dir.remove())

const at = (records: number): Checkpoint => ({
  mp: 'import-checkpoint',
  version: 1,
  kind: 'profiles',
  updatedAt: '2026-01-01T00:00:00.000Z',
  files: { '/a.csv': { records, line: records + 1, offset: undefined, done: false, size: 1, mtimeMs: 1 } },
})

describe('writeCheckpoint', () => {
  it('replaces the file with the new checkpoint and leaves no temporary file behind', () => {
    const path = `${dir.dir}/cp.json`
    expect(writeCheckpoint(path, at(1))).toBeUndefined()
    expect(writeCheckpoint(path, at(2))).toBeUndefined()
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(at(2))))
    expect(readdirSync(dir.dir)).toEqual(['cp.json'])
  })

  it('answers a message when the place cannot be written', () => {
    expect(writeCheckpoint(`${dir.dir}/missing/cp.json`, at(1))).toMatch(/^could not write the checkpoint .*missing\/cp\.json \(/)
  })
})
