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
export const isPlaceholderId = (id: string): boolean => PLACEHOLDER_IDS.includes(id.trim().toLowerCase())
