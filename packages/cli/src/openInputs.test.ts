import { either as E } from 'fp-ts'
import { afterAll, describe, expect, it } from 'vitest'
import { openInputs } from './openInputs.ts'
import { tempDir } from './test-io.ts'

const dir = tempDir()
afterAll(() => dir.remove())

describe('openInputs', () => {
  it('answers each file with its absolute path, size and time, and - as stdin', async () => {
    dir.write('a.ndjson', '{"a":1}\n')
    const opened = await openInputs(['a.ndjson', '-'], dir.dir)
    expect(opened).toEqual(
      E.right([
        { name: 'a.ndjson', path: `${dir.dir}/a.ndjson`, size: 8, mtimeMs: expect.any(Number) },
        { name: '-', path: undefined, size: undefined, mtimeMs: undefined },
      ]),
    )
  })

  it('refuses a missing file or a directory before anything is read', async () => {
    expect(await openInputs(['a.ndjson', 'nope.ndjson'], dir.dir)).toEqual(E.left('nope.ndjson: no such file'))
    expect(await openInputs(['.'], dir.dir)).toEqual(E.left('. is a directory: pass the files in it (for example ./*.ndjson)'))
  })
})
