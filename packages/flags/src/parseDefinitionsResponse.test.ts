import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { parseDefinitionsResponse } from './parseDefinitionsResponse.ts'
import { createTestFlag } from './test-flags.ts'

describe('parseDefinitionsResponse', () => {
  it('keys definitions by flag key (the later duplicate wins) and lists the skipped ones', () => {
    const result = parseDefinitionsResponse({
      flags: [createTestFlag({ rolloutPercentage: 0 }), 'junk', createTestFlag({ rolloutPercentage: 1 })],
    })
    expect(E.isRight(result) && [...result.right.flags.keys()]).toEqual(['test_flag'])
    expect(E.isRight(result) && result.right.flags.get('test_flag')?.ruleset.rollout[0]?.rollout_percentage).toBe(1)
    expect(E.isRight(result) && result.right.skipped.map((e) => e.path)).toEqual(['flags[1]'])
  })

  it('is a DecodeError when the body is not {"flags": [...]}', () => {
    expect(parseDefinitionsResponse({ flags: {} })).toMatchObject({ _tag: 'Left', left: { _tag: 'DecodeError', endpoint: '/flags/definitions' } })
    expect(parseDefinitionsResponse(null)).toMatchObject({ _tag: 'Left', left: { _tag: 'DecodeError' } })
  })
})
