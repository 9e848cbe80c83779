import { describe, expect, it } from 'vitest'
import { readClaim } from './readClaim.ts'

describe('readClaim', () => {
  it('parses records and orders rows by id numerically, beyond 2^53 too', () => {
    const rows = readClaim([
      { id: '10', endpoint: '/track', auth: 'token', record: '{"event":"b"}', bytes: 13 },
      { id: '9', endpoint: '/import', auth: 'secret', record: '{"event":"a"}', bytes: 13 },
      { id: '90071992547409930', endpoint: '/engage', auth: 'token', record: '{}', bytes: '2' },
      { id: '90071992547409921', endpoint: '/groups', auth: 'token', record: '{}', bytes: 2 },
    ])
    expect(rows.map((r) => r.id)).toStrictEqual(['9', '10', '90071992547409921', '90071992547409930'])
    expect(rows[0]).toStrictEqual({ id: '9', endpoint: '/import', auth: 'secret', record: { event: 'a' }, bytes: 13 })
    expect(rows[3]?.bytes).toBe(2)
  })

  it('reads a record that is not a JSON object, or a row of unknown endpoint or auth, as unsendable', () => {
    const rows = readClaim([
      { id: '1', endpoint: '/track', auth: 'token', record: '[1]', bytes: 3 },
      { id: '2', endpoint: '/track', auth: 'token', record: 'null', bytes: 4 },
      { id: '3', endpoint: '/nope', auth: 'token', record: '{}', bytes: 2 },
      { id: '4', endpoint: '/track', auth: 'root', record: '{}', bytes: 2 },
      { id: '5', endpoint: '/track', auth: 'token', record: { event: 'parsed' }, bytes: 2 },
    ])
    expect(rows.map((r) => r.record)).toStrictEqual([undefined, undefined, undefined, undefined, undefined])
  })
})
