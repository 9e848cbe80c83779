// The fuzz properties every builder must satisfy, run against one emulator per test file.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MixpanelError, MixpanelRequest } from '@mp/core'
import { startEmulator, type Emulator, type EmulatorOptions } from '@mp/emulator'
import { send } from '@mp/send'
import {
  anyEnv,
  anyValue,
  callSafely,
  expectPrototypesClean,
  expectRoundTrips,
  expectWellFormed,
  hostileData,
  hostileProxy,
  positionsOf,
  Recipe,
  replaceAt,
  HTTP_RUNS,
  RUNS,
} from './test-fuzz.ts'

/** A builder under test and the inputs it must accept. */
export interface BuilderSpec {
  readonly name: string
  readonly build: (input: never, env?: never) => E.Either<MixpanelError, MixpanelRequest>
  /** Inputs that are valid by the contract: the builder must accept them and Mixpanel must too. */
  readonly valid: fc.Arbitrary<Record<string, unknown>>
  /**
   * Fields the contract passes to Mixpanel unchecked (a profile update's `meta`, a raw `message`):
   * a mutation inside them may build a record Mixpanel refuses, by design.
   */
  readonly passThrough?: ReadonlyArray<string>
}

/** The API secret the emulator demands on `/import`. */
export const FUZZ_SECRET = 'fuzz-api-secret-0123'

/** `a` names `b` when one path contains the other: `properties` for `properties.x`, or `properties.x.self` for a cycle at `properties.x`. */
const related = (a: string, b: string): boolean =>
  a === b || b.startsWith(`${a}.`) || b.startsWith(`${a}[`) || a.startsWith(`${b}.`) || a.startsWith(`${b}[`)

interface Mutation {
  readonly input: unknown
  readonly path: string
}

// Made inside the property, so fast-check never inspects, clones or prints the hostile value.
const mutated = (valid: fc.Arbitrary<Record<string, unknown>>, value: fc.Arbitrary<Recipe>): fc.Arbitrary<Recipe> =>
  fc.tuple(valid, fc.nat(), value).map(([input, pick, next]) => {
    const positions = positionsOf(input)
    const at = positions[pick % positions.length]
    return new Recipe(`${next.label} at ${at?.path ?? 'input'} of ${fc.stringify(input)}`.slice(0, 600), (): Mutation =>
      at === undefined ? { input: next.make(), path: 'input' } : { input: replaceAt(input, at.keys, next.make()), path: at.path },
    )
  })

const made = (r: Recipe): Mutation => r.make() as Mutation

interface Built {
  readonly input: string
  readonly request: MixpanelRequest
}

/**
 * Declares the fuzz suite of a package's builders: never a throw for any input, hostile values at
 * every position refused with a `ValidationError` naming it, valid input accepted by the builder
 * and by the emulator, descriptors that round-trip through JSON, and a clean `Object.prototype`.
 * `idMerge` picks the emulated project's identity system (the emulator's default: Simplified).
 */
export const fuzzBuilders = (specs: ReadonlyArray<BuilderSpec>, { idMerge }: Pick<EmulatorOptions, 'idMerge'> = {}): void => {
  let emulator: Emulator | undefined
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: { apiSecret: FUZZ_SECRET }, ...(idMerge === undefined ? {} : { idMerge }) })
  })
  afterAll(async () => {
    await emulator?.stop()
  })
  beforeEach(() => emulator?.reset())
  afterEach(() => expectPrototypesClean())

  const deliver = async (request: MixpanelRequest): Promise<E.Either<MixpanelError, unknown>> => {
    if (emulator === undefined) throw new Error('emulator not started')
    return send({ token: 'fuzz-token', host: emulator.url, apiSecret: FUZZ_SECRET, retry: { limit: 0 } })(request)()
  }

  // One request per endpoint for the whole run; only when it is refused are the records sent one
  // by one, to name the input that built the refused record.
  const expectAccepted = async (built: ReadonlyArray<Built>): Promise<void> => {
    const byEndpoint = new Map<string, Built[]>()
    for (const b of built) byEndpoint.set(`${b.request.endpoint} ${b.request.auth}`, [...(byEndpoint.get(`${b.request.endpoint} ${b.request.auth}`) ?? []), b])
    for (const group of byEndpoint.values()) {
      const first = group[0]
      if (first === undefined) continue
      const batch: MixpanelRequest = { ...first.request, records: group.flatMap((b) => b.request.records) }
      if (E.isRight(await deliver(batch))) continue
      for (const b of group) {
        const one = await deliver(b.request)
        expect(E.isRight(one) ? 'accepted' : { input: b.input, records: b.request.records, error: one.left }).toBe('accepted')
      }
    }
  }

  describe.each(specs)('$name', ({ build, valid, passThrough = [] }) => {
    it('never throws for any input or env, and answers a well-formed Either', () => {
      fc.assert(
        fc.property(anyValue, anyEnv, (input, env) => {
          expectWellFormed(callSafely(build, input.make(), env.make()))
          expectPrototypesClean()
        }),
        RUNS,
      )
    })

    // The builder must answer a ValidationError that names the mutated position.
    const expectRefusedAt = (r: Parameters<typeof made>[0]): void => {
      const { input, path } = made(r)
      const result = callSafely(build, input)
      expectWellFormed(result)
      const error = E.isLeft(result) ? result.left : undefined
      const named = error?._tag === 'ValidationError' ? error.path : `(no ValidationError: ${error?._tag ?? 'Right'})`
      expect(related(named, path) ? path : `${named} (${error?.message ?? ''})`).toBe(path)
    }

    it('never throws with a value of any type at any position of a valid input', () => {
      fc.assert(
        fc.property(mutated(valid, anyValue), (r) => {
          expectWellFormed(callSafely(build, made(r).input))
          expectPrototypesClean()
        }),
        RUNS,
      )
    })

    it('refuses NaN, ±Infinity, BigInt, invalid Dates, cycles, throwing getters… at any position, naming it', () => {
      fc.assert(
        fc.property(mutated(valid, hostileData), (r) => {
          expectRefusedAt(r)
          expectPrototypesClean()
        }),
        RUNS,
      )
    })

    it('refuses a Proxy whose traps throw (or a revoked one) at any position, naming it', () => {
      fc.assert(
        fc.property(mutated(valid, hostileProxy), expectRefusedAt),
        { numRuns: 60 },
      )
    })

    it('accepts every valid input, and the emulator stores what it builds (strict mode)', async () => {
      const built: Built[] = []
      fc.assert(
        fc.property(valid, (input) => {
          const result = callSafely(build, input)
          expect(E.isRight(result) ? 'Right' : result.left).toBe('Right')
          if (E.isLeft(result)) return
          expectRoundTrips(result.right)
          built.push({ input: fc.stringify(input), request: result.right })
          expectPrototypesClean()
        }),
        HTTP_RUNS,
      )
      await expectAccepted(built)
    })

    it('whatever it builds from a mutated input, the emulator accepts', async () => {
      const built: Built[] = []
      fc.assert(
        fc.property(mutated(valid, anyValue), (r) => {
          const { input, path } = made(r)
          const result = callSafely(build, input)
          expectWellFormed(result)
          if (E.isRight(result) && !passThrough.some((field) => related(field, path) && path.startsWith(field))) {
            built.push({ input: r.label, request: result.right })
          }
          expectPrototypesClean()
        }),
        HTTP_RUNS,
      )
      await expectAccepted(built)
    })
  })
}
