import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import * as groups from './index.ts'

const OPERATIONS = ['Set', 'SetOnce', 'Union', 'Unset', 'Remove', 'Delete', 'Update']

const builders = Object.entries(groups).filter(([name]) => name.startsWith('build')) as Array<[string, (input: unknown, env?: unknown) => unknown]>

describe('@mp/groups', () => {
  it('exports a builder and an action for each of the 7 group operations, and nothing else', () => {
    const expected = OPERATIONS.flatMap((op) => [`buildGroup${op}Payload`, `group${op}`]).sort()
    expect(Object.keys(groups).sort()).toStrictEqual(expected)
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
      { token: fc.oneof(fc.constant('t'), member), groupKey: fc.oneof(fc.constant('company'), member), groupId: fc.oneof(fc.constant('acme'), member), properties: member, amount: member, message: member, meta: member },
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
