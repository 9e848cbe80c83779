import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseImportArgs } from './parseImportArgs.ts'

const ENV = { MP_TOKEN: 'tok', MP_API_SECRET: 'sec' }

const plan = (argv: string[], env: Record<string, string> = ENV) => {
  const parsed = parseImportArgs(argv, env)
  if (E.isLeft(parsed)) throw new Error(parsed.left)
  return parsed.right.plan
}
const refusal = (argv: string[], env: Record<string, string> = ENV) => {
  const parsed = parseImportArgs(argv, env)
  return E.isLeft(parsed) ? parsed.left : 'accepted'
}

describe('parseImportArgs', () => {
  it('reads an events import with its defaults', () => {
    expect(plan(['events', 'a.ndjson', 'b.json.gz'])).toMatchObject({
      kind: 'events',
      inputs: ['a.ndjson', 'b.json.gz'],
      format: undefined,
      dryRun: false,
      concurrency: 4,
      progressIntervalMs: 10_000,
      columns: { event: 'event', distinctId: 'distinct_id', time: 'time', insertId: '$insert_id' },
      config: { token: 'tok', apiSecret: 'sec', gzip: true, retry: { limit: 5, baseDelayMs: 2000, maxDelayMs: 60_000 } },
      hasSecret: true,
      argv: ['import', 'events', 'a.ndjson', 'b.json.gz'],
    })
  })

  it('reads every flag', () => {
    const p = plan([
      'groups', '-', '--group-key', 'company_id', '--operation', 'set_once', '--id-column', 'cid', '--format', 'csv', '--rejects', 'r.ndjson',
      '--dry-run', '--json', '--quiet', '--concurrency', '8', '--retries', '0', '--progress-interval', '0.5', '--csv-types', 'n:number', '--region', 'eu',
    ])
    expect(p).toMatchObject({
      kind: 'groups', inputs: ['-'], groupKey: 'company_id', operation: 'set_once', idColumn: 'cid', format: 'csv', rejects: 'r.ndjson',
      dryRun: true, json: true, quiet: true, concurrency: 8, progressIntervalMs: 500, csvTypes: { n: 'number' },
      config: { region: 'eu', gzip: false, retry: { limit: 0 } },
    })
  })

  it('refuses bad usage with a message that says what to do', () => {
    expect(refusal(['things', 'a'])).toBe("mp import: unknown kind 'things' (events, profiles or groups)")
    expect(refusal([])).toBe('mp import: say what to import: events, profiles or groups')
    expect(refusal(['events'])).toBe('mp import events: no input: give one or more files, or - for stdin')
    expect(refusal(['events', 'a', '--bogus'])).toMatch(/^mp import events: Unknown option '--bogus'/)
    expect(refusal(['events', 'a', '--group-key', 'k'])).toBe('mp import events: --group-key is for groups only')
    expect(refusal(['profiles', 'a', '--event-column', 'e'])).toBe('mp import profiles: --event-column is for events only')
    expect(refusal(['groups', 'a'])).toMatch(/^mp import groups: --group-key is required/)
    expect(refusal(['groups', 'a', '--group-key', 'k', '--operation', 'add'])).toBe(
      "mp import groups: --operation must be one of set, set_once, union, remove, unset, delete, got 'add'",
    )
    expect(refusal(['events', 'a', '--format', 'xml'])).toBe("mp import events: --format must be ndjson, json or csv, got 'xml'")
    expect(refusal(['events', 'a', '--concurrency', '0'])).toBe("mp import events: --concurrency: expected a whole number from 1 to 64, got '0'")
    expect(refusal(['events', '-', '--checkpoint', 'c.json'])).toMatch(/--checkpoint needs files/)
    expect(refusal(['events', '-', '-'])).toMatch(/stdin \(-\) can be read only once/)
    expect(refusal(['events', 'a'], { MP_TOKEN: 't' })).toMatch(/^mp import events: \/import needs a secret/)
    expect(refusal(['profiles', 'a'], {})).toBe('mp import profiles: no project token: pass --token or set MP_TOKEN')
  })

  it('needs no secret for a dry run or for profiles', () => {
    expect(plan(['events', 'a', '--dry-run'], { MP_TOKEN: 't' }).hasSecret).toBe(false)
    expect(plan(['profiles', 'a'], { MP_TOKEN: 't' }).operation).toBe('set')
  })
})
