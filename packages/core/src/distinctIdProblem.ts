import { isPlaceholderId } from './ids.ts'

/**
 * Why Mixpanel would refuse a string as a `distinct_id` (empty, or a placeholder such as `'null'`
 * that would merge unrelated users), or `undefined` when it is a usable id. A plain function, so
 * builders check ids without carrying a validation library; `distinctIdSchema` wraps it for valibot.
 * @example
 * distinctIdProblem('user_67890') // undefined
 * distinctIdProblem('  ')         // 'must be a non-empty string'
 * distinctIdProblem('null')       // '"null" is a placeholder Mixpanel refuses as an id'
 */
export const distinctIdProblem = (id: string): string | undefined => {
  if (id.trim() === '') return 'must be a non-empty string'
  if (isPlaceholderId(id)) return `${JSON.stringify(id)} is a placeholder Mixpanel refuses as an id`
  return undefined
}
