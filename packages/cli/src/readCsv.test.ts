import { describe, expect, it } from 'vitest'
import { readCsv } from './readCsv.ts'
import { chunked, collect } from './test-io.ts'

const rows = [
  '\uFEFF$distinct_id,plan,seats,active,tags,zip',
  'u1,pro,5,true,"[""a"",""b""]",02139',
  '',
  '007,"multi',
  'line",12,false,,12345',
  'u3,free,1',
  'u4,"unclosed,3',
]

describe('readCsv', () => {
  it('types cells, keeps id columns as text, leaves empty cells out and numbers rows by their first line', async () => {
    for (const [newline, size] of [['\r\n', 3], ['\r\n', 4096], ['\n', 5], ['\n', 64]] as const) {
      const items = await collect(readCsv(chunked(rows.join(newline), size), { types: { tags: 'json', zip: 'string' }, ids: new Set(['$distinct_id']) }))
      expect(items.map((i) => [i.line, i.problem ?? i.value])).toEqual([
        [2, { $distinct_id: 'u1', plan: 'pro', seats: 5, active: true, tags: ['a', 'b'], zip: '02139' }],
        [4, { $distinct_id: '007', plan: `multi${newline}line`, seats: 12, active: false, zip: '12345' }],
        [6, expect.stringContaining('not a valid CSV row (Invalid Record Length')],
        [7, expect.stringContaining('not a valid CSV row (Quote Not Closed')],
      ])
      expect(items[2]?.value).toBe("u3,free,1")
    }
  })

  it('refuses a row whose cell does not fit its declared type, and reads on', async () => {
    const items = await collect(readCsv(chunked('id,n\na,1\nb,x\nc,3\n', 4), { types: { n: 'number' }, ids: new Set() }))
    expect(items.map((i) => [i.line, i.problem ?? i.value])).toEqual([
      [2, { id: 'a', n: 1 }],
      [3, 'column "n": \'x\' is not a number'],
      [4, { id: 'c', n: 3 }],
    ])
    expect(items[1]?.value).toEqual({ id: 'b', n: 'x' })
  })
})
