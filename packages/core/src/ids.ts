/**
 * Ids Mixpanel refuses as `distinct_id` and `$insert_id` (compared case-insensitively):
 * placeholders that would merge unrelated people into one.
 */
export const PLACEHOLDER_IDS: ReadonlyArray<string> = [
  '00000000-0000-0000-0000-000000000000',
  'anon',
  'anonymous',
  'nil',
  'none',
  'null',
  'n/a',
  'na',
  'undefined',
  'unknown',
  '<nil>',
  '0',
  '-1',
  'true',
  'false',
  '[]',
  '{}',
  'lmy47d',
]

/**
 * Whether Mixpanel would refuse `id` as a placeholder (`anon`, `null`, `0`, …), ignoring case and
 * surrounding spaces.
 * @example
 * isPlaceholderId('Undefined') // true
 * isPlaceholderId('user_67890') // false
 */
export const isPlaceholderId = (id: string): boolean => {
  // Most ids are of a length no placeholder has and start and end with a visible ASCII character
  // (so trimming would change nothing): answered without making the trimmed, lower-case copy,
  // which runs for every id of every event.
  const last = id.length - 1
  const edges = id.charCodeAt(0) > 32 && id.charCodeAt(0) < 127 && id.charCodeAt(last) > 32 && id.charCodeAt(last) < 127
  if (edges && !(lengths ??= new Set(PLACEHOLDER_IDS.map((p) => p.length))).has(id.length)) return false
  return PLACEHOLDER_IDS.includes(id.trim().toLowerCase())
}

// The lengths of the placeholders, made on first use.
let lengths: Set<number> | undefined
