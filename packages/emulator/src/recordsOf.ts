import { isRecord } from './isRecord.ts'

/**
 * The records held by a JSON document (an object or an array of objects).
 * @example
 * recordsOf([{ event: 'a' }]) // { ok: true, records: [{ event: 'a' }] }
 */
export const recordsOf = (
  parsed: unknown,
): { readonly ok: true; readonly records: ReadonlyArray<Record<string, unknown>> } | { readonly ok: false; readonly error: string } => {
  const list = Array.isArray(parsed) ? parsed : [parsed]
  if (!list.every(isRecord)) return { ok: false, error: 'data must be a JSON object or an array of JSON objects' }
  return { ok: true, records: list }
}
