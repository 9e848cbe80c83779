import { httpError } from '@mp/core'
import { describe, expect, it } from 'vitest'
import { createLedger } from './createLedger.ts'
import { summarize, type RunEnd } from './summarize.ts'
import type { ImportPlan } from './types.ts'

const plan = { kind: 'events', dryRun: false, checkpoint: undefined, argv: ['import', 'events', 'a.ndjson'] } as unknown as ImportPlan

const end = (extra: Partial<RunEnd> = {}, outcome: 'imported' | 'rejected' = 'imported'): RunEnd => {
  const ledger = createLedger([{ records: 3, line: 3, offset: 30, done: false }])
  ledger.add(0, 0, 4, 40)
  ledger.settle(0, outcome)
  return {
    plan,
    inputs: [{ name: 'a.ndjson', path: '/a.ndjson', size: 100, mtimeMs: 1 }],
    ledger,
    opening: [{ format: 'ndjson', gzip: false }],
    counters: { bytes: 100, sent: 1, requests: 1, attempts: 2 },
    interrupted: false,
    failure: undefined,
    checkpoint: undefined,
    rejects: undefined,
    firstRejections: [],
    durationMs: 500,
    ...extra,
  }
}

describe('summarize', () => {
  it('counts per file and in total', () => {
    expect(summarize(end())).toEqual({
      command: 'events',
      dryRun: false,
      outcome: 'imported',
      exitCode: 0,
      read: 1,
      valid: 0,
      imported: 1,
      rejected: 0,
      skipped: 3,
      bytes: 100,
      sent: 1,
      requests: 1,
      attempts: 2,
      durationMs: 500,
      recordsPerSecond: 2,
      files: [{ file: 'a.ndjson', format: 'ndjson', gzip: false, read: 1, imported: 1, rejected: 0, skipped: 3, valid: 0, done: false }],
      firstRejections: [],
    })
  })

  it('answers the exit code of the outcome: failure 3 before interruption 130 before rejections 1', () => {
    expect(summarize(end({}, 'rejected'))).toMatchObject({ outcome: 'rejected', exitCode: 1 })
    expect(summarize(end({ interrupted: true }, 'rejected'))).toMatchObject({ outcome: 'interrupted', exitCode: 130 })
    expect(summarize(end({ interrupted: true, failure: httpError('/import', 503, '', 6) }))).toMatchObject({ outcome: 'failed', exitCode: 3, error: 'Mixpanel answered HTTP 503 for /import (6 attempts)' })
    expect(summarize(end({ failure: 'could not write to --rejects r.ndjson (ENOSPC)' }))).toMatchObject({ outcome: 'failed', exitCode: 3 })
    expect(summarize(end({ plan: { ...plan, dryRun: true } }, 'imported'))).toMatchObject({ outcome: 'validated', exitCode: 0 })
  })

  it('says how to resume only when a checkpoint was saved', () => {
    expect(summarize(end({ interrupted: true }))).not.toHaveProperty('resume')
    expect(summarize(end({ interrupted: true, checkpoint: '/tmp/cp.json' }))).toMatchObject({
      checkpoint: '/tmp/cp.json',
      resume: 'mp import events a.ndjson --checkpoint /tmp/cp.json',
    })
    expect(summarize(end({ checkpoint: '/tmp/cp.json' }))).not.toHaveProperty('resume')
  })
})
