import { describe, expect, it } from 'vitest'
import { formatSummary } from './formatSummary.ts'
import type { ImportSummary } from './summaryTypes.ts'

const base: ImportSummary = {
  command: 'events',
  dryRun: false,
  outcome: 'rejected',
  exitCode: 1,
  read: 200_000,
  valid: 0,
  sent: 199_998,
  imported: 199_997,
  rejected: 3,
  skipped: 0,
  requests: 100,
  attempts: 101,
  bytes: 61_234_567,
  durationMs: 8400,
  recordsPerSecond: 23_810,
  files: [
    { file: 'a.ndjson.gz', format: 'ndjson', gzip: true, read: 100_000, imported: 99_998, rejected: 2, skipped: 0, valid: 0, done: true },
    { file: 'b.json', format: 'json', gzip: false, read: 100_000, imported: 99_999, rejected: 1, skipped: 0, valid: 0, done: true },
  ],
  rejects: 'rejects.ndjson',
  firstRejections: [{ file: 'a.ndjson.gz', line: 17, reason: 'not valid JSON' }],
}

describe('formatSummary', () => {
  it('says how it went, per file and in total, and where the rejections are', () => {
    expect(formatSummary(base)).toBe(
      [
        'Imported 199,997 events, rejected 3 in 8.4 s (23,810 records/s).',
        '  file         format        read  imported  rejected  skipped',
        '  a.ndjson.gz  ndjson.gz  100,000    99,998         2        0',
        '  b.json       json       100,000    99,999         1        0',
        '  total: read 200,000 records (61.2 MB), sent 199,998 in 100 requests (101 attempts), imported 199,997, rejected 3',
        '  rejected records and reasons: rejects.ndjson',
        '',
      ].join('\n'),
    )
  })

  it('lists the first rejections without --rejects, and how to resume after a failure', () => {
    const { rejects: _, ...withoutRejects } = base
    const text = formatSummary({
      ...withoutRejects,
      outcome: 'failed',
      exitCode: 3,
      error: 'Mixpanel answered HTTP 503 for /import (6 attempts)',
      checkpoint: '/tmp/cp.json',
      resume: 'mp import events a --checkpoint /tmp/cp.json',
    })
    expect(text).toContain('Delivery failed: Mixpanel answered HTTP 503 for /import (6 attempts)\n')
    expect(text).toContain('  first rejections (add --rejects FILE for all of them):\n    a.ndjson.gz:17  not valid JSON\n')
    expect(text).toContain('  checkpoint: /tmp/cp.json\n  to resume: mp import events a --checkpoint /tmp/cp.json\n')
  })

  it('speaks of a dry run as such', () => {
    const text = formatSummary({ ...base, dryRun: true, outcome: 'validated', exitCode: 0, valid: 199_997, sent: 0, imported: 0 })
    expect(text.split('\n')[0]).toBe('Dry run: 199,997 of 200,000 records would be sent, 3 rejected; nothing was sent in 8.4 s (23,810 records/s).')
    expect(text).toContain('  total: read 200,000 records (61.2 MB), 199,997 valid, rejected 3')
  })
})
