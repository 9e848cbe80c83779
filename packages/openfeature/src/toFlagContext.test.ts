import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { toFlagContext } from './toFlagContext.ts'

describe('toFlagContext', () => {
  it('maps targetingKey to distinct_id and passes every attribute through, flat', () => {
    expect(toFlagContext({ targetingKey: 'user-456', tier: 'enterprise', custom_properties: { plan: 'pro' } })).toEqual(
      E.right({ distinct_id: 'user-456', tier: 'enterprise', custom_properties: { plan: 'pro' } }),
    )
  })

  it('lets an explicit distinct_id win over targetingKey, and drops targetingKey', () => {
    expect(toFlagContext({ targetingKey: 'from-key', distinct_id: 'explicit' })).toEqual(E.right({ distinct_id: 'explicit' }))
  })

  it('answers {} for no context, and adds no distinct_id for an empty targetingKey', () => {
    expect(toFlagContext(undefined)).toEqual(E.right({}))
    expect(toFlagContext({ targetingKey: '' })).toEqual(E.right({}))
  })

  it('converts Dates as every Mixpanel payload does, and copies a frozen context without mutating it', () => {
    const context = Object.freeze({ targetingKey: 'u1', signedUp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), tags: ['a'] })
    const mapped = toFlagContext(context)
    expect(mapped).toEqual(E.right({ distinct_id: 'u1', signedUp: '2024-01-02T03:04:05', tags: ['a'] }))
    expect(context.targetingKey).toBe('u1')
  })

  it('refuses a context that is not JSON, naming the attribute', () => {
    const mapped = toFlagContext({ targetingKey: 'u1', score: Number.NaN })
    expect(E.isLeft(mapped) && mapped.left).toMatchObject({ _tag: 'ValidationError', path: 'context.score' })
  })
})
