import { describe, expect, it } from 'vitest'
import { decodeData } from './decodeData.ts'

const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('decodeData', () => {
  it('parses raw JSON objects and arrays', () => {
    expect(decodeData(' {"event":"a"} ')).toEqual({ ok: true, records: [{ event: 'a' }], base64: false })
    expect(decodeData('[{"event":"a"},{"event":"b"}]')).toEqual({ ok: true, records: [{ event: 'a' }, { event: 'b' }], base64: false })
  })

  it('decodes base64, restoring + that a form decoder turned into spaces', () => {
    const text = '[{"event":"a","properties":{"s":">>>?"}}]'
    const encoded = b64(text)
    expect(encoded).toContain('+')
    expect(decodeData(encoded.replace(/\+/g, ' '))).toEqual({ ok: true, records: JSON.parse(text), base64: true })
  })

  it('explains what is wrong', () => {
    expect(decodeData('')).toEqual({ ok: false, error: 'data, missing or empty' })
    expect(decodeData('{oops')).toEqual({ ok: false, error: 'data is not valid JSON' })
    expect(decodeData('!!!')).toEqual({ ok: false, error: 'data is neither JSON nor base64' })
    expect(decodeData(b64('nope'))).toEqual({ ok: false, error: 'data is base64 but does not hold valid JSON' })
    expect(decodeData('[1,2]')).toEqual({ ok: false, error: 'data must be a JSON object or an array of JSON objects' })
  })
})
