import { describe, expect, it } from 'vitest'
import { createLedger } from './createLedger.ts'

const fresh = { records: 0, line: 0, offset: 0, done: false }

describe('createLedger', () => {
  it('moves a position only past records whose predecessors are all settled', () => {
    const ledger = createLedger([fresh])
    for (let seq = 0; seq < 4; seq++) ledger.add(seq, 0, seq + 1, (seq + 1) * 10)
    ledger.settle(2, 'imported')
    ledger.settle(1, 'rejected')
    expect(ledger.positions()[0]).toEqual({ records: 0, line: 0, offset: 0, done: false })
    ledger.settle(0, 'imported')
    expect(ledger.positions()[0]).toEqual({ records: 3, line: 3, offset: 30, done: false })
    ledger.fileEnded(0, 4)
    expect(ledger.positions()[0]?.done).toBe(false)
    ledger.settle(3, 'imported')
    expect(ledger.positions()[0]).toEqual({ records: 4, line: 4, offset: 40, done: true })
    expect(ledger.counts()[0]).toEqual({ read: 4, skipped: 0, imported: 3, rejected: 1, valid: 0 })
  })

  it('marks files done in order, counting what a checkpoint had already done', () => {
    const ledger = createLedger([{ records: 5, line: 7, offset: undefined, done: true }, { records: 2, line: 2, offset: 20, done: false }, fresh, fresh])
    ledger.add(0, 1, 3, 30)
    ledger.fileEnded(1, 1)
    // File 2 is empty and file 3 ends, but nothing passes file 1's unsettled record.
    ledger.fileEnded(2, 1)
    ledger.add(1, 3, 1, 10)
    ledger.fileEnded(3, 2)
    ledger.settle(1, 'imported')
    expect(ledger.positions().map((p) => p.done)).toEqual([true, false, false, false])
    ledger.settle(0, 'valid')
    expect(ledger.positions()).toEqual([
      { records: 5, line: 7, offset: undefined, done: true },
      { records: 3, line: 3, offset: 30, done: true },
      { records: 0, line: 0, offset: 0, done: true },
      { records: 1, line: 1, offset: 10, done: true },
    ])
    expect(ledger.counts().map((c) => c.skipped)).toEqual([5, 2, 0, 0])
    expect(ledger.counts()[1]).toMatchObject({ read: 1, valid: 1 })
  })

  it('locates unsettled records and stays exact across many records settled out of order', () => {
    const ledger = createLedger([fresh, fresh])
    const n = 30_000
    for (let seq = 0; seq < n; seq++) ledger.add(seq, seq < n / 2 ? 0 : 1, seq + 1, undefined)
    ledger.fileEnded(0, n / 2)
    ledger.fileEnded(1, n)
    expect(ledger.locate(n - 1)).toEqual({ file: 1, line: n })
    // Chunks of 2000 answered in reverse order.
    for (let chunk = n / 2000 - 1; chunk >= 0; chunk--) {
      for (let seq = chunk * 2000; seq < (chunk + 1) * 2000; seq++) ledger.settle(seq, 'imported')
      if (chunk === 1) expect(ledger.positions()[0]?.records).toBe(0)
    }
    expect(ledger.positions()).toEqual([
      { records: n / 2, line: n / 2, offset: undefined, done: true },
      { records: n / 2, line: n, offset: undefined, done: true },
    ])
    expect(ledger.locate(0)).toBeUndefined()
  })
})
