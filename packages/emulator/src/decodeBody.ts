import { gunzipSync } from 'node:zlib'
import { decodeData } from './decodeData.ts'
import { recordsOf } from './recordsOf.ts'
import type { ReceivedRequest } from './types.ts'

/** What arrived in a request body. */
export interface BodyInput {
  readonly contentType: string
  readonly contentEncoding: string
  readonly body: Buffer
  /** The raw body was longer than the limit (its bytes were discarded). */
  readonly overflow: boolean
  /** `data` from the query string (`GET ?data=`). */
  readonly queryData: string | undefined
  readonly maxBytes: number
}

type Decoded = {
  readonly encoding: ReceivedRequest['encoding']
  readonly form: Readonly<Record<string, string>>
} & (
  | { readonly ok: true; readonly records: ReadonlyArray<Record<string, unknown>> }
  | { readonly ok: false; readonly error: string; readonly tooLarge: boolean }
)

/** The decoded body. `form` holds the form fields other than `data`, also when decoding failed. */
export type DecodedBody = Decoded & { readonly gzip: boolean }

const tooLarge = (encoding: ReceivedRequest['encoding']): Decoded => ({
  ok: false,
  encoding,
  form: {},
  error: 'request body is too large',
  tooLarge: true,
})

const failed = (encoding: ReceivedRequest['encoding'], error: string, form: Record<string, string> = {}): Decoded => ({
  ok: false,
  encoding,
  form,
  error,
  tooLarge: false,
})

const fromData = (data: string, form: Record<string, string>, viaQuery: boolean): Decoded => {
  const decoded = decodeData(data)
  const encoding = viaQuery ? 'get' : decoded.ok && decoded.base64 ? 'form-base64' : 'form'
  return decoded.ok ? { ok: true, encoding, form, records: decoded.records } : failed(encoding, decoded.error, form)
}

const fromForm = (text: string, queryData: string | undefined): Decoded => {
  const params = new URLSearchParams(text)
  const form: Record<string, string> = {}
  for (const [key, value] of params) if (key !== 'data') form[key] = value
  const data = params.get('data') ?? queryData
  if (data === null || data === undefined) return failed('form', 'data, missing or empty', form)
  return fromData(data, form, params.get('data') === null)
}

const fromNdjson = (text: string): Decoded => {
  const records: Array<Record<string, unknown>> = []
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      return failed('ndjson', 'body is not valid NDJSON')
    }
    const found = recordsOf(parsed)
    if (!found.ok || Array.isArray(parsed)) return failed('ndjson', 'each NDJSON line must be one JSON object')
    records.push(...found.records)
  }
  return { ok: true, encoding: 'ndjson', form: {}, records }
}

const fromJson = (text: string): Decoded => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    // NDJSON sent with a JSON content type still decodes line by line.
    return text.trim().includes('\n') ? fromNdjson(text) : failed('json', 'body is not valid JSON')
  }
  const found = recordsOf(parsed)
  return found.ok ? { ok: true, encoding: 'json', form: {}, records: found.records } : failed('json', found.error)
}

const byContent = (input: BodyInput, text: string): Decoded => {
  const type = input.contentType.toLowerCase()
  if (text.trim() === '') {
    return input.queryData === undefined ? failed('json', 'data, missing or empty') : fromData(input.queryData, {}, true)
  }
  if (type.includes('x-www-form-urlencoded') || /^\s*data=/.test(text)) return fromForm(text, input.queryData)
  if (type.includes('ndjson')) return fromNdjson(text)
  return fromJson(text)
}

const gunzip = (body: Buffer, maxBytes: number): Buffer | 'too-large' | 'invalid' => {
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes + 1 })
  } catch (error) {
    return (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'invalid'
  }
}

/**
 * Decodes a request body the way Mixpanel's ingestion endpoints accept it: gzip, a JSON array or
 * object, NDJSON, a form with `data=` (raw JSON or base64), or `?data=` in the query. Sizes are
 * measured uncompressed, as Mixpanel does.
 * @example
 * decodeBody({ contentType: 'application/json', contentEncoding: '', body: Buffer.from('[{"event":"a"}]'),
 *   overflow: false, queryData: undefined, maxBytes: 10_485_760 })
 * // { ok: true, encoding: 'json', gzip: false, form: {}, records: [{ event: 'a' }] }
 */
export const decodeBody = (input: BodyInput): DecodedBody => {
  const gzip = /\bgzip\b/i.test(input.contentEncoding)
  const withGzip = (decoded: Decoded): DecodedBody => ({ ...decoded, gzip })
  if (input.overflow) return withGzip(tooLarge('json'))
  let bytes = input.body
  if (gzip && bytes.length > 0) {
    const unzipped = gunzip(bytes, input.maxBytes)
    if (unzipped === 'too-large') return withGzip(tooLarge('json'))
    if (unzipped === 'invalid') return withGzip(failed('json', 'body is not valid gzip'))
    bytes = unzipped
  }
  if (bytes.length > input.maxBytes) return withGzip(tooLarge('json'))
  return withGzip(byContent(input, bytes.toString('utf8')))
}
