import { recordsOf } from './recordsOf.ts'

/** The records held by a `data=` value, or why there are none. */
export type DecodedData =
  | { readonly ok: true; readonly records: ReadonlyArray<Record<string, unknown>>; readonly base64: boolean }
  | { readonly ok: false; readonly error: string }

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/**
 * Decodes an already URL-decoded `data` parameter: raw JSON when it starts with `{` or `[`, else
 * base64 of JSON. Spaces are turned back into `+` before base64-decoding because mixpanel-node posts
 * `data=<base64>` without URL-escaping, so a form decoder has turned its `+` into spaces.
 * @example
 * decodeData('{"event":"a"}') // { ok: true, records: [{ event: 'a' }], base64: false }
 * decodeData(btoa('[{"event":"a"}]')) // { ok: true, records: [{ event: 'a' }], base64: true }
 */
export const decodeData = (data: string): DecodedData => {
  const text = data.trim()
  if (text === '') return { ok: false, error: 'data, missing or empty' }
  if (text.startsWith('{') || text.startsWith('[')) {
    const parsed = parseJson(text)
    if (!parsed.ok) return { ok: false, error: 'data is not valid JSON' }
    const records = recordsOf(parsed.value)
    return records.ok ? { ok: true, records: records.records, base64: false } : records
  }
  const base64 = text.replace(/ /g, '+').replace(/\s/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { ok: false, error: 'data is neither JSON nor base64' }
  const parsed = parseJson(Buffer.from(base64, 'base64').toString('utf8'))
  if (!parsed.ok) return { ok: false, error: 'data is base64 but does not hold valid JSON' }
  const records = recordsOf(parsed.value)
  return records.ok ? { ok: true, records: records.records, base64: true } : records
}
