// Mixpanel's server-side list of ids it refuses as distinct_id / $insert_id (http-api.md §5; the
// extra `lmy47d` comes from mixpanel-import's copy of the list). Kept here, not imported from
// @mp/core, because the emulator depends on node built-ins only.
const PLACEHOLDERS: ReadonlySet<string> = new Set([
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
])

/**
 * Whether Mixpanel refuses `id` as a placeholder value, ignoring case and surrounding spaces.
 * @example
 * isPlaceholderId('Undefined') // true
 * isPlaceholderId('user_67890') // false
 */
export const isPlaceholderId = (id: string): boolean => PLACEHOLDERS.has(id.trim().toLowerCase())
