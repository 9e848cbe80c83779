import { readFileSync } from 'node:fs'
import { either as E } from 'fp-ts'
import { afterAll, describe, expect, it } from 'vitest'
import { openRejects } from './openRejects.ts'
import { tempDir } from './test-io.ts'

const dir = tempDir()
afterAll(() => dir.remove())

const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)

describe('openRejects', () => {
  it('writes one NDJSON line per rejection, readable before the file is closed', () => {
    const path = `${dir.dir}/rejects.ndjson`
    const opened = openRejects(path, false)
    if (E.isLeft(opened)) throw new Error(opened.left)
    expect(opened.right.write({ file: 'a.ndjson', line: 3, record: '{oops', reason: 'not valid JSON', stage: 'parse' })).toBeUndefined()
    expect(lines(path)).toEqual([{ file: 'a.ndjson', line: 3, record: '{oops', reason: 'not valid JSON', stage: 'parse' }])
    expect(opened.right.sync()).toBeUndefined()
    opened.right.close()
  })

  it('truncates for a fresh import and appends when resuming', () => {
    const path = dir.write('r.ndjson', '{"old":1}\n')
    const resumed = openRejects(path, true)
    if (E.isLeft(resumed)) throw new Error(resumed.left)
    resumed.right.write({ file: 'a', line: 1, record: null, reason: 'r', stage: 'validation', field: 'event' })
    resumed.right.close()
    expect(lines(path)).toHaveLength(2)
    const fresh = openRejects(path, false)
    if (E.isLeft(fresh)) throw new Error(fresh.left)
    fresh.right.close()
    expect(readFileSync(path, 'utf8')).toBe('')
  })

  it('answers a message when the file cannot be opened', () => {
    expect(openRejects(`${dir.dir}/nope/r.ndjson`, false)).toMatchObject({ _tag: 'Left', left: expect.stringContaining('cannot be written') })
  })
})
