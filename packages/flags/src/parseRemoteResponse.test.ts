import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { parseRemoteResponse } from './parseRemoteResponse.ts'

describe('parseRemoteResponse', () => {
  it('reads the /flags answer into remote variants', () => {
    const body = {
      code: 200,
      flags: { f: { variant_key: 'on', variant_value: true, experiment_id: 'e', is_experiment_active: false, is_qa_tester: null } },
    }
    expect(parseRemoteResponse(body)).toEqual(
      E.right({ f: { variantKey: 'on', variantValue: true, experimentId: 'e', isExperimentActive: false, source: 'remote' } }),
    )
  })

  it('refuses other shapes', () => {
    expect(parseRemoteResponse({ code: 200 })).toMatchObject({ _tag: 'Left', left: { message: 'Invalid response.flags: is missing' } })
    expect(parseRemoteResponse({ flags: { f: { variant_key: 3 } } })).toMatchObject({
      _tag: 'Left',
      left: { path: 'response.flags.f.variant_key' },
    })
    expect(E.isLeft(parseRemoteResponse('invalid json'))).toBe(true)
  })
})
