import { describe, expect, it } from 'vitest'
import { resumeCommand } from './resumeCommand.ts'

describe('resumeCommand', () => {
  it('repeats the command with --checkpoint, quoting for the shell and leaving secrets out', () => {
    expect(resumeCommand(['import', 'events', "it's.ndjson", 'b.ndjson', '--api-secret', 'S3CR3T', '--service-account-secret=XYZ', '--token', 't'], '/tmp/cp.json')).toBe(
      "mp import events 'it'\\''s.ndjson' b.ndjson --token t --checkpoint /tmp/cp.json",
    )
  })

  it('keeps a --checkpoint that was given', () => {
    expect(resumeCommand(['import', 'profiles', 'p.csv', '--checkpoint', 'cp.json'], 'other.json')).toBe('mp import profiles p.csv --checkpoint cp.json')
  })
})
