import { describe, expect, it } from 'vitest'
import { createFaultPlan } from './createFaultPlan.ts'

const s500 = { kind: 'status', status: 500 } as const
const hang = { kind: 'hang' } as const

describe('createFaultPlan', () => {
  it('serves queued faults in order, counting only matching requests', () => {
    const plan = createFaultPlan()
    plan.next(2, s500, { path: '/track/' })
    plan.next(1, hang)
    expect([plan.take('/engage'), plan.take('/track'), plan.take('/track'), plan.take('/track'), plan.take('/track')]).toEqual([
      hang,
      s500,
      s500,
      undefined,
      undefined,
    ])
  })

  it('ignores a non-positive count; Infinity means every matching request', () => {
    const plan = createFaultPlan()
    plan.next(0, s500)
    plan.next(Number.NaN, s500)
    expect(plan.take('/track')).toBeUndefined()
    plan.next(Number.POSITIVE_INFINITY, s500)
    expect(Array.from({ length: 5 }, () => plan.take('/track'))).toEqual(Array(5).fill(s500))
  })

  it('draws random faults reproducibly from the seed, and clear() stops them', () => {
    const draw = (seed: number) => {
      const plan = createFaultPlan()
      plan.random({ seed, faults: [{ fault: s500, probability: 0.5 }], match: { path: '/import' } })
      expect(plan.take('/track')).toBeUndefined()
      return Array.from({ length: 32 }, () => plan.take('/import')?.kind ?? 'none')
    }
    const first = draw(42)
    expect(draw(42)).toEqual(first)
    expect(first).toContain('status')
    expect(first).toContain('none')
    const plan = createFaultPlan()
    plan.random({ seed: 1, faults: [{ fault: s500, probability: 1 }] })
    plan.clear()
    expect(plan.take('/track')).toBeUndefined()
  })
})
