import { checkAuth } from './checkAuth.ts'
import type { EmulatorState } from './createEmulatorState.ts'
import { isRecord } from './isRecord.ts'
import type { ParsedRequest } from './parseRequest.ts'
import { reply, type Reply } from './reply.ts'

const error = (status: number, message: string): Reply => reply(status, 'json', JSON.stringify({ error: message, status: 'error' }))

const parseContext = (text: string | undefined): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(text ?? '')
    return isRecord(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

const keyOf = (definition: unknown): string | undefined =>
  isRecord(definition) && typeof definition['key'] === 'string' ? definition['key'] : undefined

/**
 * `GET /flags/definitions` answers `{"flags":[…]}`; `GET /flags?context=<json>[&flag_key=k]` answers
 * `{"code":200,"flags":{key: variant}}` with every definition (or only `flag_key`) the injected
 * `evaluate` assigns, or 400 when the context lacks a string `distinct_id`. Credentials are checked
 * only when the emulator was given some (SDKs send the token as Basic user).
 * @example
 * handleFlags(state, parsedRequest) // { status: 200, body: '{"code":200,"flags":{}}', … }
 */
export const handleFlags = (state: EmulatorState, request: ParsedRequest): Reply => {
  if (
    state.credentials !== undefined &&
    !checkAuth(request.headers['authorization'], request.query['project_id'], state.credentials)
  ) {
    return error(401, 'Invalid credentials')
  }
  if (request.path === '/flags/definitions') return reply(200, 'json', JSON.stringify({ flags: state.flagDefinitions }))
  const context = parseContext(request.query['context'])
  if (context === undefined || typeof context['distinct_id'] !== 'string') {
    return error(400, 'distinct_id must be provided in evalContext as a string')
  }
  const wanted = request.query['flag_key']
  const flags: Record<string, unknown> = {}
  for (const definition of state.flagDefinitions) {
    const key = keyOf(definition)
    if (key === undefined || (wanted !== undefined && key !== wanted) || state.evaluate === undefined) continue
    let variant: unknown
    try {
      variant = state.evaluate(definition, context)
    } catch {
      return error(500, `evaluating flag '${key}' failed`)
    }
    if (variant !== null && variant !== undefined) flags[key] = variant
  }
  return reply(200, 'json', JSON.stringify({ code: 200, flags }))
}
