import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '@mp/emulator'

// ---- README example, verbatim except that config, path and console come in as arguments ----
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { either as E } from 'fp-ts'
import type { Config } from '@mp/core'
import { importEvents, type ImportEvent } from '@mp/events'

const example = async (config: Config, path: string, console: Pick<Console, 'log' | 'error'>): Promise<void> => {
  // One event per line, in Mixpanel's export format:
  // {"event":"signup","properties":{"distinct_id":"user_1","time":1700000000,"plan":"pro"}}
  async function* readNdjson(file: string): AsyncGenerator<ImportEvent> {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
    for await (const line of lines) {
      if (line.trim() !== '') yield JSON.parse(line) as ImportEvent
    }
  }

  const result = await importEvents(config)(readNdjson(path), {
    onProgress: ({ sent, imported }) => console.log(`${sent} sent, ${imported} imported`),
  })()

  if (E.isRight(result)) {
    console.log(`Imported all ${result.right.imported} events in ${result.right.chunks} requests`)
  } else if (result.left._tag === 'RecordsRejected') {
    // `index` is the event's position in the file (its line number - 1 when there are no blank lines).
    for (const failure of result.left.failed) console.error(`line ${failure.index + 1}: ${failure.message}`)
    console.error(`${result.left.imported} imported, ${result.left.failed.length} refused`)
  } else {
    // Chunks sent before the failure are imported; running the same file again is safe.
    console.error(result.left.message)
  }
}
// ---- end of README example ----

let emu: Emulator
let dir: string
beforeAll(async () => {
  emu = await startEmulator({ port: 0, credentials: { apiSecret: 'readme-secret' } })
  dir = await mkdtemp(join(tmpdir(), 'mp-events-readme-'))
})
afterAll(async () => {
  await emu.stop()
  await rm(dir, { recursive: true, force: true })
})

const line = (i: number, distinctId = `user_${i % 50}`): string =>
  JSON.stringify({ event: 'page view', properties: { distinct_id: distinctId, time: Math.floor(Date.now() / 1000) - 86_400 - i, page: `/p/${i}` } })

const run = async (content: string): Promise<{ out: string[]; err: string[] }> => {
  const path = join(dir, `events-${Math.random().toString(36).slice(2)}.ndjson`)
  await writeFile(path, content)
  const out: string[] = []
  const err: string[] = []
  await example({ token: 'TOKEN', apiSecret: 'readme-secret', host: emu.url }, path, { log: (m: string) => out.push(m), error: (m: string) => err.push(m) })
  return { out, err }
}

describe('README: importEvents from an NDJSON file with progress', () => {
  it('imports every line and reports progress per chunk', async () => {
    emu.reset()
    const { out, err } = await run(`${Array.from({ length: 4500 }, (_, i) => line(i)).join('\n')}\n`)
    expect(err).toEqual([])
    expect(out.at(-1)).toBe('Imported all 4500 events in 3 requests')
    // Chunks are answered in any order (4 in flight), so only the running total is fixed.
    expect(out).toHaveLength(4)
    expect(out[2]).toBe('4500 sent, 4500 imported')
    expect(emu.events()).toHaveLength(4500)
  })

  it('names the refused lines and imports the rest', async () => {
    emu.reset()
    const lines = Array.from({ length: 10 }, (_, i) => (i === 3 ? line(i, 'undefined') : line(i)))
    const { out, err } = await run(lines.join('\n'))
    expect(out).toEqual(['9 sent, 9 imported'])
    expect(err).toEqual([
      'line 4: Invalid properties.distinct_id: "undefined" is a placeholder Mixpanel refuses as an id',
      '9 imported, 1 refused',
    ])
  })

  it('reports a line that is not JSON without throwing', async () => {
    emu.reset()
    const { err } = await run(`${line(0)}\n{not json\n`)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/^Invalid events: could not be read \(.*JSON.*\); chunks sent before were imported$/)
  })
})
