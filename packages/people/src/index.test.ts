import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import * as people from './index.ts'

const OPERATIONS = ['Set', 'SetOnce', 'Increment', 'Append', 'Union', 'Unset', 'Remove', 'Delete', 'TrackCharge', 'ClearCharges', 'Update']

const builders = Object.entries(people).filter(([name]) => name.startsWith('build')) as Array<[string, (input: unknown, env?: unknown) => unknown]>

describe('@mp/people', () => {
  it('exports a builder and an action for each of the 11 profile operations, and nothing else', () => {
    const expected = OPERATIONS.flatMap((op) => [`buildPeople${op}Payload`, `people${op}`]).sort()
    expect(Object.keys(people).sort()).toStrictEqual(expected)
  })

  it('no builder throws, whatever the input: it answers Right or a ValidationError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...builders), fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withSparseArray: true }), ([, build], input) => {
        const result = build(input, { now: () => 1_000_100 }) as E.Either<{ _tag: string }, unknown>
        expect(E.isRight(result) || result.left._tag === 'ValidationError').toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('no builder throws for plausible inputs with hostile members', () => {
    const member = fc.oneof(fc.anything({ withBigInt: true, withDate: true }), fc.constant(NaN), fc.constant(() => 1), fc.constant(Symbol('s')))
    const input = fc.record(
      { token: fc.oneof(fc.constant('t'), member), distinctId: fc.oneof(fc.constant('u1'), member), properties: member, amount: member, message: member, meta: member },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.constantFrom(...builders), input, ([, build], value) => {
        const result = build(value) as E.Either<{ _tag: string }, unknown>
        expect(E.isRight(result) || result.left._tag === 'ValidationError').toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
