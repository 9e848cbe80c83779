import { checkAuth } from './checkAuth.ts'
import type { EmulatorState } from './createEmulatorState.ts'
import { IDENTITY_EVENTS_REFUSED, importBody, type FailedRecord } from './importBody.ts'
import type { ParsedRequest } from './parseRequest.ts'
import { reply, type Reply } from './reply.ts'
import { tooManyRecords } from './tooManyRecords.ts'
import { trackStyleReply } from './trackStyleReply.ts'
import { validateImportEvent } from './validateImportEvent.ts'

const insertIdOf = (record: Record<string, unknown>): string => {
  const properties = record['properties']
  const id = typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>)['$insert_id'] : undefined
  return typeof id === 'string' ? id : ''
}

/**
 * `POST /import`: authenticates (401), enforces the limits (413), validates every record and stores
 * the valid ones (partial acceptance). With `strict=1` it answers 200 `num_records_imported` or 400
 * with `failed_records`; without, it answers in the `/track` style (what non-strict clients get).
 * On a Simplified ID Merge project an identity event (`$create_alias`, `$merge`, `$identify`) fails
 * with Mixpanel's bare string `identity events are not allowed…` in `failed_records`.
 * @example
 * handleImport(state, parsedRequest) // { status: 200, body: '{"code":200,"num_records_imported":2,"status":"OK"}', … }
 */
export const handleImport = (state: EmulatorState, request: ParsedRequest): Reply => {
  if (!checkAuth(request.headers['authorization'], request.query['project_id'], state.credentials)) {
    return reply(401, 'json', importBody.unauthorized())
  }
  const limited = tooManyRecords(state, request)
  if (limited !== undefined) return limited
  const strict = request.query['strict'] === '1' || request.query['strict'] === 'true'
  if (!request.body.ok) {
    return strict ? reply(400, 'json', importBody.badRequest(request.body.error)) : trackStyleReply(request.query, request.body.error)
  }
  const failed: Array<FailedRecord | string> = []
  let imported = 0
  request.body.records.forEach((record, index) => {
    const failure = validateImportEvent(record, state.now(), state.idMerge)
    if (failure !== undefined) failed.push({ index, insert_id: insertIdOf(record), ...failure })
    else if (state.ingest('/import', record) === 'refused') failed.push(IDENTITY_EVENTS_REFUSED)
    else imported += 1
  })
  const first = failed[0]
  if (!strict) return trackStyleReply(request.query, typeof first === 'string' ? first : first?.message)
  return failed.length === 0
    ? reply(200, 'json', importBody.ok(imported))
    : reply(400, 'json', importBody.rejected(imported, failed))
}
