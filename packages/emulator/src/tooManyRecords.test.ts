import { describe, expect, it } from 'vitest'
import { createEmulatorState } from './createEmulatorState.ts'
import { jsonRequest } from './test-request.ts'
import { tooManyRecords } from './tooManyRecords.ts'

describe('tooManyRecords', () => {
  it('answers 413 over the record limit only', () => {
    const state = createEmulatorState({ limits: { maxRecords: 2, maxBytes: 99 } })
    expect(tooManyRecords(state, jsonRequest('POST', '/track', [{}, {}]))).toBeUndefined()
    expect(tooManyRecords(state, jsonRequest('POST', '/track', [{}, {}, {}]))).toEqual({
      status: 413,
      headers: { 'content-type': 'application/json' },
      body: '{"code":413,"error":"request exceeds max limit of 99 bytes","status":"Request Entity Too Large"}',
    })
  })
})
