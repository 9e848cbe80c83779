import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from '@mp/emulator'
import { runMp } from './runMp.ts'
import type { ImportSummary } from './summaryTypes.ts'
import { tempDir, testIo } from './test-io.ts'

// The emulator's clock runs two days behind ours: an event one day old passes our checks but is in
// the emulator's future, so only "Mixpanel" refuses it.
const DAY = 86_400_000
const SECRET = 'cli-test-secret'
const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, now: () => Date.now() - 2 * DAY, credentials: { apiSecret: SECRET } })

let dir = tempDir()
afterEach(() => {
  dir.remove()
  dir = tempDir()
})

const SECONDS = Math.floor((Date.now() - 3 * DAY) / 1000)
const event = (n: number) => ({ event: `e${n % 3}`, properties: { distinct_id: `u${n}`, time: SECONDS - n, n } })
const ndjson = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => JSON.stringify(event(from + i))).join('\n') + '\n'

const run = async (argv: string[], env: Record<string, string> = {}) => {
  const io = testIo(dir.dir, { MP_TOKEN: 'tok', MP_API_SECRET: SECRET, ...env })
  const code = await runMp([...argv, '--host', emu.url, '--retries', '0'], io)
  return { code, io, summary: () => JSON.parse(io.out()) as ImportSummary }
}

const rejects = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)

describe('mp import events (against the emulator)', () => {
  it('imports several gzipped files of different formats, and answers a JSON summary', async () => {
    dir.write('a.ndjson.gz', ndjson(0, 2500), { gzip: true })
    dir.write('b.ndjson', ndjson(2500, 3000))
    dir.write('c.json.gz', JSON.stringify(Array.from({ length: 700 }, (_, i) => event(3000 + i)), null, 2), { gzip: true })
    const { code, summary, io } = await run(['import', 'events', 'a.ndjson.gz', 'b.ndjson', 'c.json.gz', '--json'])
    expect(code).toBe(0)
    expect(summary()).toMatchObject({
      outcome: 'imported',
      exitCode: 0,
      read: 3700,
      sent: 3700,
      imported: 3700,
      rejected: 0,
      files: [
        { file: 'a.ndjson.gz', format: 'ndjson', gzip: true, read: 2500, imported: 2500, done: true },
        { file: 'b.ndjson', format: 'ndjson', gzip: false, read: 500, imported: 500, done: true },
        { file: 'c.json.gz', format: 'json', gzip: true, read: 700, imported: 700, done: true },
      ],
    })
    expect(emu.events()).toHaveLength(3700)
    expect(emu.requests().every((r) => r.path === '/import' && r.gzip && r.query['strict'] === '1' && r.records.length <= 2000)).toBe(true)
    expect(io.err()).toContain('Imported 3,700 events in')
    expect(io.err()).not.toContain(SECRET)
  })

  it('reports a malformed line in the middle of a file, and every other refusal, exactly', async () => {
    const lines = ndjson(0, 3000).trim().split('\n')
    lines[1499] = '{"event": "broken", "properties": {'
    lines[1999] = JSON.stringify({ event: 'e', properties: { distinct_id: 'anonymous', time: SECONDS } })
    lines[2499] = JSON.stringify({ event: 'late', properties: { distinct_id: 'u', time: Math.floor((Date.now() - DAY) / 1000) } })
    dir.write('events.ndjson', `${lines.slice(0, 1000).join('\n')}\n\n${lines.slice(1000).join('\n')}\n`)
    const { code, summary } = await run(['import', 'events', 'events.ndjson', '--rejects', 'rejects.ndjson', '--json'])
    expect(code).toBe(1)
    expect(summary()).toMatchObject({ outcome: 'rejected', read: 3000, imported: 2997, rejected: 3, sent: 2998 })
    const refused = rejects(`${dir.dir}/rejects.ndjson`)
    // Line numbers count the blank line after line 1000.
    expect(refused.map((r) => [r['file'], r['line'], r['stage']])).toEqual([
      ['events.ndjson', 1501, 'parse'],
      ['events.ndjson', 2001, 'validation'],
      ['events.ndjson', 2501, 'mixpanel'],
    ])
    expect(refused[0]).toMatchObject({ record: '{"event": "broken", "properties": {', reason: expect.stringMatching(/^not valid JSON/) })
    expect(refused[1]).toMatchObject({ field: 'properties.distinct_id', record: { event: 'e', properties: { distinct_id: 'anonymous' } } })
    expect(refused[2]).toMatchObject({ field: 'properties.time', reason: expect.stringContaining('future'), record: { event: 'late', properties: { token: 'tok', $insert_id: expect.any(String) } } })
    expect(emu.events()).toHaveLength(2997)
  })

  it('stores nothing twice when the same file is imported again (content insert ids)', async () => {
    dir.write('a.ndjson', ndjson(0, 2100))
    expect((await run(['import', 'events', 'a.ndjson'])).code).toBe(0)
    expect((await run(['import', 'events', 'a.ndjson'])).code).toBe(0)
    expect(emu.events()).toHaveLength(2100)
    expect(emu.stats().duplicates).toBe(2100)
  })

  it('--dry-run reads and checks everything, writes the rejects, and sends nothing (no secret needed)', async () => {
    dir.write('a.ndjson', `${ndjson(0, 2500)}not json\n`)
    const { code, summary } = await run(['import', 'events', 'a.ndjson', '--dry-run', '--json', '--rejects', 'r.ndjson'], { MP_API_SECRET: '' })
    expect(code).toBe(1)
    expect(summary()).toMatchObject({ dryRun: true, outcome: 'rejected', read: 2501, valid: 2500, sent: 0, imported: 0, rejected: 1, requests: 0 })
    expect(rejects(`${dir.dir}/r.ndjson`)).toEqual([{ file: 'a.ndjson', line: 2501, record: 'not json', reason: expect.any(String), stage: 'parse' }])
    expect(emu.requests()).toHaveLength(0)
  })

  it('maps flat CSV columns onto events', async () => {
    dir.write('events.csv', `name,user,at,plan\nsignup,u1,${new Date((SECONDS - 10) * 1000).toISOString()},pro\nlogin,007,${SECONDS},free\n`)
    const { code } = await run(['import', 'events', 'events.csv', '--event-column', 'name', '--distinct-id-column', 'user', '--time-column', 'at'])
    expect(code).toBe(0)
    expect(emu.events().map((e) => [e.event, e.properties['distinct_id'], e.properties['time'], e.properties['plan']])).toEqual([
      ['signup', 'u1', SECONDS - 10, 'pro'],
      ['login', '007', SECONDS, 'free'],
    ])
  })

  it('reads stdin', async () => {
    const io = testIo(dir.dir, { MP_TOKEN: 'tok', MP_API_SECRET: SECRET })
    io.stdinStream.end(ndjson(0, 10))
    expect(await runMp(['import', 'events', '-', '--host', emu.url], io)).toBe(0)
    expect(emu.events()).toHaveLength(10)
  })

  it('stops after a delivery failure with exit 3; the checkpoint holds what was acknowledged and the resume sends nothing twice', async () => {
    dir.write('a.ndjson', ndjson(0, 4000))
    dir.write('b.ndjson', ndjson(4000, 9000))
    const ask = ['import', 'events', 'a.ndjson', 'b.ndjson', '--checkpoint', 'cp.json', '--concurrency', '1', '--json']
    // Requests 1-2 (file a) and 3 (b's first chunk) succeed, the 4th fails (no retries in these tests).
    emu.faults.next(3, { kind: 'latency', ms: 1 })
    emu.faults.next(1, { kind: 'status', status: 503 })
    const second = await run(ask)
    expect(second.code).toBe(3)
    expect(second.summary()).toMatchObject({ outcome: 'failed', imported: 6000, error: expect.stringContaining('HTTP 503') })
    const checkpoint = JSON.parse(readFileSync(`${dir.dir}/cp.json`, 'utf8')) as { files: Record<string, { records: number; line: number; done: boolean }> }
    expect(checkpoint.files[`${dir.dir}/a.ndjson`]).toMatchObject({ records: 4000, line: 4000, done: true })
    expect(checkpoint.files[`${dir.dir}/b.ndjson`]).toMatchObject({ records: 2000, line: 2000, done: false })
    expect(second.io.err()).toContain('to resume: mp import events a.ndjson b.ndjson --checkpoint cp.json')
    expect(emu.events()).toHaveLength(6000)

    const resumed = await run(ask)
    expect(resumed.code).toBe(0)
    expect(resumed.summary()).toMatchObject({ read: 3000, imported: 3000, skipped: 6000, files: [{ skipped: 4000, read: 0 }, { skipped: 2000, read: 3000 }] })
    expect(emu.events()).toHaveLength(9000)
    expect(emu.stats().duplicates).toBe(0)
  })

  it('stops on Ctrl-C after the requests in flight, saves a checkpoint, and resumes from it across files', async () => {
    dir.write('a.ndjson', ndjson(0, 3000))
    dir.write('b.ndjson.gz', ndjson(3000, 12_000), { gzip: true })
    emu.faults.next(Infinity, { kind: 'latency', ms: 40 })
    const io = testIo(dir.dir, { MP_TOKEN: 'tok', MP_API_SECRET: SECRET })
    const running = runMp(['import', 'events', 'a.ndjson', 'b.ndjson.gz', '--host', emu.url, '--concurrency', '2', '--json'], io)
    while (emu.events().length < 4000) await new Promise((resolve) => setTimeout(resolve, 5))
    io.interrupt()
    expect(await running).toBe(130)
    const summary = JSON.parse(io.out()) as ImportSummary
    expect(summary.outcome).toBe('interrupted')
    expect(summary.imported).toBe(emu.events().length)
    expect(summary.imported).toBeLessThan(12_000)
    // No --checkpoint was given: one was written, and the resume command names it.
    const written = readdirSync(dir.dir).filter((name) => name.endsWith('.checkpoint.json'))
    expect(written).toHaveLength(1)
    expect(summary.resume).toBe(`mp import events a.ndjson b.ndjson.gz --host ${emu.url} --concurrency 2 --json --checkpoint ${written[0]}`)
    expect(io.err()).toContain(`to resume: ${summary.resume}`)

    emu.faults.clear()
    const before = emu.stats().recordsReceived
    const resumed = await run(['import', 'events', 'a.ndjson', 'b.ndjson.gz', '--checkpoint', written[0] as string, '--json'])
    expect(resumed.code).toBe(0)
    expect(resumed.summary()).toMatchObject({ imported: 12_000 - summary.imported, skipped: summary.imported })
    expect(emu.events()).toHaveLength(12_000)
    expect(emu.stats().recordsReceived - before).toBe(12_000 - summary.imported)
    expect(emu.stats().duplicates).toBe(0)
  })
})

describe('mp import profiles and groups (against the emulator)', () => {
  it('imports a CSV of profiles with typed columns as $set', async () => {
    dir.write('people.csv', '$distinct_id,$name,plan,seats,trial,zip,tags\nu1,Ada,pro,5,true,02139,"[""a""]"\n007,Bob,free,,false,10001,[]\n')
    const { code, summary } = await run(['import', 'profiles', 'people.csv', '--csv-types', 'tags:json', '--json'])
    expect(code).toBe(0)
    expect(summary()).toMatchObject({ read: 2, imported: 2, files: [{ format: 'csv' }] })
    expect(emu.profile('u1')).toMatchObject({ $name: 'Ada', plan: 'pro', seats: 5, trial: true, zip: '02139', tags: ['a'] })
    expect(emu.profile('007')).toMatchObject({ $name: 'Bob', plan: 'free', trial: false })
    expect(emu.profile('007')).not.toHaveProperty('seats')
    expect(emu.requests().every((r) => r.path === '/engage' && !r.gzip && r.headers['authorization'] === undefined)).toBe(true)
  })

  it('applies another --operation, and reports a profile without an id with its CSV line', async () => {
    dir.write('logins.csv', 'id,logins\nu1,2\n,3\nu2,x\n')
    const { code, summary } = await run(['import', 'profiles', 'logins.csv', '--operation', 'add', '--id-column', 'id', '--rejects', 'r.ndjson', '--json'])
    expect(code).toBe(1)
    expect(summary()).toMatchObject({ imported: 1, rejected: 2 })
    expect(rejects(`${dir.dir}/r.ndjson`).map((r) => [r['line'], r['field']])).toEqual([
      [3, 'id'],
      [4, 'properties.logins'],
    ])
    expect(emu.profile('u1')).toMatchObject({ logins: 2 })
  })

  it('imports group profiles for --group-key', async () => {
    dir.write('companies.ndjson', '{"$group_id":"acme","plan":"enterprise"}\n{"group_id":"initech","plan":"free"}\n')
    const { code } = await run(['import', 'groups', 'companies.ndjson', '--group-key', 'company_id'])
    expect(code).toBe(0)
    expect(emu.group('company_id', 'acme')).toMatchObject({ plan: 'enterprise' })
    expect(emu.group('company_id', 'initech')).toMatchObject({ plan: 'free' })
  })
})

describe('mp import: bad usage or config (exit 2, nothing sent)', () => {
  it('refuses before sending anything', async () => {
    dir.write('a.ndjson', ndjson(0, 10))
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['import', 'events', 'missing.ndjson'], {}, /missing\.ndjson: no such file/],
      [['import', 'events', 'a.ndjson', '--nope'], {}, /Unknown option '--nope'/],
      [['import', 'events', 'a.ndjson'], { MP_API_SECRET: '' }, /\/import needs a secret/],
      [['import', 'events', 'a.ndjson'], { MP_TOKEN: '' }, /no project token/],
      [['import', 'events', 'a.ndjson', '--checkpoint', 'a.ndjson'], {}, /not a checkpoint written by mp import/],
      [['import', 'events', 'a.ndjson', '--rejects', 'no/such/dir/r.ndjson'], {}, /--rejects .* cannot be written/],
    ]
    for (const [argv, env, message] of cases) {
      const { code, io } = await run(argv, env)
      expect(code).toBe(2)
      expect(io.err()).toMatch(message)
    }
    expect(emu.requests()).toHaveLength(0)
  })

  it('refuses to resume a file that changed since the checkpoint, or a checkpoint of another kind', async () => {
    const path = dir.write('a.ndjson', ndjson(0, 10))
    expect((await run(['import', 'events', 'a.ndjson', '--checkpoint', 'cp.json'])).code).toBe(0)
    expect(existsSync(`${dir.dir}/cp.json`)).toBe(true)
    const requests = emu.requests().length
    const { mtime } = statSync(path)
    utimesSync(path, mtime, new Date(mtime.getTime() + 5000))
    const changed = await run(['import', 'events', 'a.ndjson', '--checkpoint', 'cp.json'])
    expect(changed.code).toBe(2)
    expect(changed.io.err()).toContain('a.ndjson changed since the checkpoint was written')
    const other = await run(['import', 'profiles', 'a.ndjson', '--checkpoint', 'cp.json'])
    expect(other.code).toBe(2)
    expect(emu.requests()).toHaveLength(requests)
  })

  it('keeps secrets out of everything it prints and writes, even when Mixpanel refuses them', async () => {
    dir.write('a.ndjson', ndjson(0, 5))
    const { code, io } = await run(['import', 'events', 'a.ndjson', '--api-secret', 'WRONG-SECRET-123', '--json', '--checkpoint', 'cp.json'], { MP_API_SECRET: '' })
    expect(code).toBe(3)
    expect(io.err()).toContain('--api-secret on the command line lands in your shell history')
    expect(io.err()).toContain('HTTP 401')
    expect(io.err()).toContain('to resume: mp import events a.ndjson --json --checkpoint cp.json --host')
    for (const text of [io.out(), io.err(), readFileSync(`${dir.dir}/cp.json`, 'utf8')]) expect(text).not.toContain('WRONG-SECRET-123')
  })
})
