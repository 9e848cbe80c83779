import { describe, expect, it } from 'vitest'
import { recordsJson, sealedText, sealRecord } from './recordText.ts'

describe('sealRecord, sealedText, recordsJson', () => {
  it('joins the texts sealed records were given, so those texts are what goes on the wire', () => {
    // A text that differs from JSON.stringify shows that the remembered one is used.
    const a = sealRecord({ event: 'a', properties: {} }, '{"event":"a","properties":{}}')
    const b = sealRecord({ event: 'b', properties: { n: 1 } }, '{"event":"b","properties":{"n":1}}')
    expect(recordsJson([a, b])).toBe('[{"event":"a","properties":{}},{"event":"b","properties":{"n":1}}]')
    expect(sealedText(b)).toBe('{"event":"b","properties":{"n":1}}')
    const marked = sealRecord({ event: 'm' }, '{"event":"m","marked":true}')
    expect(recordsJson([marked])).toBe('[{"event":"m","marked":true}]')
  })

  it('stringifies the whole array when any record was not sealed, and any record it was not given', () => {
    const sealed = sealRecord({ event: 's' }, '{"event":"s","stale":true}')
    const plain = { event: 'p' }
    expect(recordsJson([sealed, plain])).toBe(JSON.stringify([sealed, plain]))
    expect(sealedText(plain)).toBeUndefined()
    expect(recordsJson([])).toBe('[]')
  })

  it('freezes the record and every object and list inside it, and nothing it was not given', () => {
    const inner = { list: [{ deep: 1 }] }
    const record = sealRecord({ event: 'e', properties: { inner } }, '{}')
    expect([record, record['properties'], inner, inner.list, inner.list[0]].every(Object.isFrozen)).toBe(true)
  })

  it('keeps the record plain data: no extra key, symbol or JSON member', () => {
    const record = sealRecord({ event: 'e', properties: { a: 1 } }, '{"event":"e","properties":{"a":1}}')
    expect(Object.keys(record)).toStrictEqual(['event', 'properties'])
    expect(Object.getOwnPropertySymbols(record)).toHaveLength(0)
    expect(JSON.parse(JSON.stringify(record))).toStrictEqual({ event: 'e', properties: { a: 1 } })
  })

  it('remembers every text until it was read, and forgets a read one once a newer record is sealed (a miss is stringified, the same text)', () => {
    const first = sealRecord({ event: 'first' }, '{"event":"first","remembered":true}')
    const second = sealRecord({ event: 'second' }, '{"event":"second","remembered":true}')
    // Never read before the second was sealed: still remembered.
    expect(sealedText(first)).toBe('{"event":"first","remembered":true}')
    // The newest one, read as often as asked while it is the newest.
    expect(sealedText(second)).toBe('{"event":"second","remembered":true}')
    expect(sealedText(second)).toBe('{"event":"second","remembered":true}')
    sealRecord({ event: 'third' }, '{"event":"third"}')
    // Read, then replaced: forgotten, so it goes out as JSON.stringify writes it.
    expect(sealedText(second)).toBeUndefined()
    expect(recordsJson([second])).toBe('[{"event":"second"}]')
  })
})
