import { describe, expect, it } from 'vitest'
import { createEmulatorState } from './createEmulatorState.ts'
import { route } from './route.ts'
import { jsonRequest } from './test-request.ts'

describe('route', () => {
  const state = createEmulatorState({ flags: { definitions: [] } })
  it('dispatches the ingestion endpoints and flags', () => {
    expect(route(state, jsonRequest('POST', '/track', [{ event: 'a', properties: { token: 't' } }])).body).toBe('1')
    expect(route(state, jsonRequest('POST', '/import', [])).status).toBe(401)
    expect(route(state, jsonRequest('POST', '/engage', [{ $token: 't', $distinct_id: 'u', $set: {} }])).body).toBe('1')
    expect(route(state, jsonRequest('POST', '/groups', [{ $token: 't', $group_key: 'k', $group_id: 'g', $set: {} }])).body).toBe('1')
    expect(route(state, jsonRequest('GET', '/flags/definitions')).body).toBe('{"flags":[]}')
  })
  it('answers 404 and 405', () => {
    expect(route(state, jsonRequest('GET', '/decide')).status).toBe(404)
    expect(route(state, jsonRequest('DELETE', '/track')).status).toBe(405)
    expect(route(state, jsonRequest('POST', '/flags')).status).toBe(405)
  })
})
