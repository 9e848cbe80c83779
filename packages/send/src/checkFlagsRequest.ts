import { either as E } from 'fp-ts'
import { unreadable, validationError, type FlagsPath, type FlagsRequest, type ValidationError } from '@mp/core'

const PATHS: ReadonlyArray<FlagsPath> = ['/flags', '/flags/definitions']

const check = (request: unknown): E.Either<ValidationError, FlagsRequest> => {
  if (typeof request !== 'object' || request === null) return E.left(validationError('request', 'must be { path, query }'))
  const { path, query } = request as Record<string, unknown>
  if (typeof path !== 'string' || !PATHS.includes(path as FlagsPath)) {
    return E.left(validationError('request.path', `must be one of ${PATHS.join(', ')}`))
  }
  const raw = query ?? {}
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return E.left(validationError('request.query', 'must be an object of strings'))
  const entries = Object.entries(raw)
  const bad = entries.find(([, value]) => typeof value !== 'string')
  if (bad !== undefined) return E.left(validationError(`request.query.${bad[0]}`, 'must be a string'))
  return E.right({ path: path as FlagsPath, query: Object.fromEntries(entries) as Record<string, string> })
}

/**
 * Checks a feature-flag read request: a known path and string query values. Answers a fresh copy.
 * Never throws, even for hostile objects.
 * @example
 * checkFlagsRequest({ path: '/flags', query: { context: '{"distinct_id":"u1"}' } }) // Right(…)
 */
export const checkFlagsRequest = (request: unknown): E.Either<ValidationError, FlagsRequest> => {
  try {
    return check(request)
  } catch (cause) {
    return E.left(unreadable('request', cause))
  }
}
