// The fuzz properties every builder must satisfy, run against one emulator per test file.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MixpanelError, MixpanelRequest } from '@mp/core'
import { startEmulator, type Emulator } from '@mp/emulator'
import { send } from '@mp/send'
import {
  anyEnv,
  anyValue,
  callSafely,
  expectPrototypesClean,
  expectRoundTrips,
  expectWellFormed,
  hostileValue,
  HTTP_RUNS,
  positionsOf,
  replaceAt,
  Recipe,
  RUNS,
} from './test-fuzz.ts'

/** A builder under test and the inputs it must accept. */
export interface BuilderSpec {
  readonly name: string
  readonly build: (input: never, env?: never) => E.Either<MixpanelError, MixpanelRequest>
  /** Inputs that are valid by the contract: the builder must accept them and Mixpanel must too. */
  readonly valid: fc.Arbitrary<Record<string, unknown>>
}

/** The API secret the emulator demands on `/import`. */
export const FUZZ_SECRET = 'fuzz-api-secret-0123'

/** `a` names `b` when one path contains the other: `properties` for `properties.x`, or `properties.x.self` for a cycle at `properties.x`. */
const related = (a: string, b: string): boolean =>
  a === b || b.startsWith(`${a}.`) || b.startsWith(`${a}[`) || a.startsWith(`${b}.`) || a.startsWith(`${b}[`)

/** An input with one of its positions (a field, or any member nested inside it) replaced by `value`. */
// The recipe is made here, inside the property, so fast-check never touches the hostile value.
const mutated = (valid: fc.Arbitrary<Record<string, unknown>>, value: fc.Arbitrary<Recipe>) =>
  fc.tuple(valid, fc.nat(), value).map(([input, pick, next]) => {
    const positions = positionsOf(input)
    const at = positions[pick % positions.length]
    return new Recipe(`${next.label} at ${at?.path ?? 'input'} of ${fc.stringify(input)}`.slice(0, 400), () =>
      at === undefined ? { input: next.make(), path: 'input' } : { input: replaceAt(input, at.keys, next.make()), path: at.path },
    )
  })

const made = (r: Recipe): { readonly input: unknown; readonly path: string } => r.make() as { readonly input: unknown; readonly path: string }

/**
 * Declares the fuzz suite of a package's builders: never a throw for any input, hostile values at
 * every position refused with a `ValidationError` naming it, valid input accepted by the builder
 * and by the emulator, descriptors that round-trip through JSON, and a clean `Object.prototype`.
 */
export const fuzzBuilders = (specs: ReadonlyArray<BuilderSpec>): void => {
  let emulator: Emulator | undefined
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: { apiSecret: FUZZ_SECRET } })
  })
  afterAll(async () => {
    await emulator?.stop()
  })
  beforeEach(() => emulator?.reset())
  afterEach(() => expectPrototypesClean())

  const deliver = async (request: MixpanelRequest): Promise<unknown> => {
    if (emulator === undefined) throw new Error('emulator not started')
    const sent = await send({ token: 'fuzz-token', host: emulator.url, apiSecret: FUZZ_SECRET, retry: { limit: 0 } })(request)()
    return E.isRight(sent) ? 'accepted' : { error: sent.left, records: request.records }
  }

  describe.each(specs)('$name', ({ build, valid }) => {
    it('never throws for any input or env, and answers a well-formed Either', () => {
      fc.assert(
        fc.property(anyValue, anyEnv, (input, env) => {
          expectWellFormed(callSafely(build, input.make(), env.make()))
          expectPrototypesClean()
        }),
        RUNS,
      )
    })

    it('never throws with a value of any type at any position of a valid input', () => {
      fc.assert(
        fc.property(mutated(valid, anyValue), (r) => {
          const { input } = made(r)
          expectWellFormed(callSafely(build, input))
          expectPrototypesClean()
        }),
        RUNS,
      )
    })

    it('refuses a hostile value at any position with a ValidationError naming that position', () => {
      fc.assert(
        fc.property(mutated(valid, hostileValue), (r) => {
          const { input, path } = made(r)
          const result = callSafely(build, input)
          expectWellFormed(result)
          const error = E.isLeft(result) ? result.left : undefined
          expect(error?._tag).toBe('ValidationError')
          const named = error?._tag === 'ValidationError' ? error.path : ''
          expect(related(named, path) ? path : `${named} (${error?.message ?? ''})`).toBe(path)
          expectPrototypesClean()
        }),
        RUNS,
      )
    })

    it('accepts every valid input, and the emulator stores what it builds (strict mode)', async () => {
      await fc.assert(
        fc.asyncProperty(valid, async (input) => {
          const result = callSafely(build, input)
          expect(E.isRight(result) ? 'Right' : result.left).toBe('Right')
          if (E.isLeft(result)) return
          expectRoundTrips(result.right)
          expect(await deliver(result.right)).toBe('accepted')
          expectPrototypesClean()
        }),
        HTTP_RUNS,
      )
    })

    it('whatever it builds from a mutated input, the emulator accepts', async () => {
      await fc.assert(
        fc.asyncProperty(mutated(valid, anyValue), async (r) => {
          const { input } = made(r)
          const result = callSafely(build, input)
          expectWellFormed(result)
          if (E.isRight(result)) expect(await deliver(result.right)).toBe('accepted')
          expectPrototypesClean()
        }),
        HTTP_RUNS,
      )
    })
  })
}
