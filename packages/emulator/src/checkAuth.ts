import type { EmulatorCredentials } from './types.ts'

const basicUserPass = (header: string | undefined): { user: string; pass: string } | undefined => {
  const match = /^Basic\s+(.+)$/i.exec(header?.trim() ?? '')
  if (match?.[1] === undefined) return undefined
  const value = match[1].trim()
  // Service accounts "accept both base64 encoding and plain-text" after `Basic ` (Mixpanel docs).
  const text = value.includes(':') ? value : Buffer.from(value, 'base64').toString('utf8')
  const colon = text.indexOf(':')
  if (colon < 0) return undefined
  return { user: text.slice(0, colon), pass: text.slice(colon + 1) }
}

/**
 * Whether an `Authorization` header (and `project_id`) authenticates an `/import` request. With
 * expected credentials: the service account with its `project_id`, the API secret as Basic user, or
 * the project token as Basic user. Without: any Basic credential with a non-empty user.
 * @example
 * checkAuth('Basic ' + btoa('secret:'), undefined, { apiSecret: 'secret' }) // true
 * checkAuth(undefined, undefined, undefined) // false
 */
export const checkAuth = (
  authorization: string | undefined,
  projectId: string | undefined,
  expected: EmulatorCredentials | undefined,
): boolean => {
  const given = basicUserPass(authorization)
  if (given === undefined || given.user === '') return false
  if (expected === undefined) return true
  const account = expected.serviceAccount
  if (account !== undefined && given.user === account.username && given.pass === account.secret) {
    return projectId === account.projectId
  }
  if (given.pass !== '') return false
  return given.user === expected.apiSecret || given.user === expected.token
}
