// Shared arbitraries and checks for the property-based fuzz suites of every builder package.
// Hostile values are built fresh for each run (`.map(make)`), so one run's mutation can never leak
// into the next.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { expect } from 'vitest'
import { isPlaceholderId, pathKey, type MixpanelError, type MixpanelRequest } from '@mp/core'

/** Bounded runs: the whole fuzz suite must stay well under a minute on a loaded 2-core machine. */
export const RUNS = { numRuns: 200 } as const
/** Runs whose records also go to the emulator (batched per endpoint). */
export const HTTP_RUNS = { numRuns: 100 } as const

const thrower = (what: string) => (): never => {
  throw new Error(`hostile ${what}`)
}

/** An object whose own property `key` is defined (never assigned), so `__proto__` stays a plain key. */
export const defineAll = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}

/** `{ "__proto__": …, "constructor": { "prototype": … } }` with real own keys, the way a JSON body delivers them. */
export const protoKeys = (): Record<string, unknown> =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}') as Record<string, unknown>

const throwingProxy = (): object =>
  new Proxy(
    {},
    {
      get: thrower('get trap'),
      has: thrower('has trap'),
      ownKeys: thrower('ownKeys trap'),
      getOwnPropertyDescriptor: thrower('getOwnPropertyDescriptor trap'),
      getPrototypeOf: thrower('getPrototypeOf trap'),
    },
  )

const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const throwingArrayProxy = (): object => new Proxy(['a', 'b'], { get: thrower('array get trap') })

const cycle = (): object => {
  const o: Record<string, unknown> = { a: 1 }
  o['self'] = o
  return o
}

const arrayCycle = (): unknown[] => {
  const a: unknown[] = [1]
  a.push(a)
  return a
}

const throwingGetter = (): object =>
  Object.defineProperty({ ok: 1 }, 'boom', { get: thrower('getter'), enumerable: true })

const throwingToJson = (): object => ({ toJSON: thrower('toJSON') })

const selfToJson = (): object => {
  const o: { toJSON?: () => unknown } = {}
  o.toJSON = () => o
  return o
}

const deepArray = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`)

const deepObject = (depth: number): unknown => {
  let o: Record<string, unknown> = { leaf: true }
  for (let i = 0; i < depth; i++) o = { nested: o }
  return o
}

/** A single UTF-16 surrogate half, which is not a character on its own. */
export const loneSurrogate: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 4 }))
  .map(([unit, rest]) => `${rest}${String.fromCharCode(unit)}${rest}`)

/** Strings of every kind: plain, full unicode, lone surrogates, prototype names. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  loneSurrogate,
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'null', '$set'),
)

/** Object keys, prototype-polluting names included. */
export const anyKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'a b', 'x.y', '0') },
)

/**
 * A value to be made inside the property. Proxies and cycles must never reach fast-check itself
 * (it inspects, clones and prints what it generates), so generators yield recipes instead.
 */
export class Recipe {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return this.label
  }
}

const recipe = (label: string, make: () => unknown): Recipe => new Recipe(label, make)

const HOSTILE: ReadonlyArray<Recipe> = [
  recipe('NaN', () => Number.NaN),
  recipe('Infinity', () => Infinity),
  recipe('-Infinity', () => -Infinity),
  recipe('BigInt', () => 12345678901234567890n),
  recipe('invalid Date', () => new Date(Number.NaN)),
  recipe('object cycle', cycle),
  recipe('array cycle', arrayCycle),
  recipe('throwing getter', throwingGetter),
  recipe('Proxy with throwing traps', throwingProxy),
  recipe('revoked Proxy', revokedProxy),
  recipe('array Proxy with a throwing get', throwingArrayProxy),
  recipe('throwing toJSON', throwingToJson),
  recipe('toJSON returning itself', selfToJson),
  recipe('function', () => () => 1),
  recipe('symbol', () => Symbol('hostile')),
  recipe('Map', () => new Map([['a', 1]])),
  recipe('Set', () => new Set([1])),
  recipe('Uint8Array', () => new Uint8Array(3)),
  recipe('array nested 5000 deep', () => deepArray(5000)),
  recipe('object nested 200 deep', () => deepObject(200)),
]

/** Values that are never valid JSON input, one of each hostile kind. */
export const hostileValue: fc.Arbitrary<Recipe> = fc.constantFrom(...HOSTILE)

const PROXY_KINDS = new Set(['Proxy with throwing traps', 'revoked Proxy', 'array Proxy with a throwing get'])

/** Hostile values that are not Proxies: JSON cannot carry them, but they can be inspected. */
export const hostileData: fc.Arbitrary<Recipe> = fc.constantFrom(...HOSTILE.filter((r) => !PROXY_KINDS.has(r.label)))

/** Proxies whose traps throw (or that were revoked): even looking at them fails. */
export const hostileProxy: fc.Arbitrary<Recipe> = fc.constantFrom(...HOSTILE.filter((r) => PROXY_KINDS.has(r.label)))

const plain = <A>(arb: fc.Arbitrary<A>, label: string): fc.Arbitrary<Recipe> => arb.map((value) => recipe(`${label} ${fc.stringify(value)}`.slice(0, 200), () => value))

/** Anything at all: hostile values, wrong types, odd but harmless objects. */
export const anyValue: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 6, arbitrary: hostileValue },
  { weight: 3, arbitrary: plain(fc.constantFrom(undefined, null, true, false, 0, -0, 1, -1, '', ' ', [], {}), 'constant') },
  { weight: 3, arbitrary: plain(anyString, 'string') },
  { weight: 2, arbitrary: plain(fc.double(), 'double') },
  {
    weight: 4,
    arbitrary: plain(
      fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
      'anything',
    ),
  },
  { weight: 1, arbitrary: fc.constant(recipe('own __proto__/constructor keys', protoKeys)) },
  { weight: 1, arbitrary: fc.constant(recipe('null-prototype object', () => Object.create(null) as object)) },
  { weight: 1, arbitrary: fc.constant(recipe('1.1 MB string', () => 'x'.repeat(1_100_000))) },
)

/** JSON-safe leaves a caller may pass: strings of every kind, finite numbers, booleans, null, valid Dates. */
export const safeLeaf: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
)

/** A JSON-safe object (own `__proto__`/`constructor` keys possible) nested at most `depth` levels. */
export const safeObject = (depth: number, maxKeys = 6): fc.Arbitrary<Record<string, unknown>> =>
  fc.array(fc.tuple(anyKey, safeValue(depth - 1)), { maxLength: maxKeys }).map(defineAll)

/** A JSON-safe value whose objects and lists nest at most `depth` levels (0: a leaf). */
export const safeValue = (depth: number): fc.Arbitrary<unknown> =>
  depth <= 0
    ? safeLeaf
    : fc.oneof(
        { weight: 3, arbitrary: safeLeaf },
        { weight: 1, arbitrary: fc.array(safeValue(depth - 1), { maxLength: 4 }) },
        { weight: 1, arbitrary: safeObject(depth, 4) },
      )

/** An id Mixpanel accepts: non-empty after trimming, not a placeholder. */
export const validId: fc.Arbitrary<string> = fc
  .oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), loneSurrogate, fc.uuid())
  .filter((s) => s.trim() !== '' && !isPlaceholderId(s))

/** A non-empty name (event name, group key, property name). */
export const validName: fc.Arbitrary<string> = fc
  .oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }), loneSurrogate)
  .filter((s) => s.trim() !== '')

/** One position inside an input: the keys leading to it, and its path as errors name it. */
export interface Position {
  readonly keys: ReadonlyArray<string | number>
  readonly path: string
}

const isContainer = (x: unknown): x is object =>
  typeof x === 'object' && x !== null && (Array.isArray(x) || Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null)

/** Every position of a (plain, acyclic) input: its fields and, recursively, the members of its objects and lists. */
export const positionsOf = (value: unknown, keys: ReadonlyArray<string | number> = [], path = ''): Position[] => {
  if (!isContainer(value)) return []
  const children: Array<readonly [string | number, unknown]> = Array.isArray(value)
    ? value.map((item, i) => [i, item] as const)
    : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]] as const)
  return children.flatMap(([key, child]) => {
    const childPath = typeof key === 'number' ? `${path}[${key}]` : pathKey(path, key)
    const here = { keys: [...keys, key], path: childPath }
    return [here, ...positionsOf(child, here.keys, childPath)]
  })
}

/** A copy of `value` with the member at `keys` replaced by `next` (own keys defined, never assigned). */
export const replaceAt = (value: unknown, keys: ReadonlyArray<string | number>, next: unknown): unknown => {
  const [head, ...rest] = keys
  if (head === undefined) return next
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaceAt(item, rest, next) : item))
  const entries = Object.keys(value as object).map((k) => [k, (value as Record<string, unknown>)[k]] as const)
  return defineAll(entries.map(([k, v]) => [k, k === head ? replaceAt(v, rest, next) : v] as const))
}

/** A snapshot of the prototypes a polluting builder could change. */
export const prototypeSnapshot = (): string =>
  JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype).sort(),
    Object.getOwnPropertyNames(Array.prototype).sort(),
    Object.getOwnPropertyNames(Function.prototype).sort(),
    Object.getPrototypeOf({}) === Object.prototype,
  ])

const CLEAN = prototypeSnapshot()

/** Fails when any run left a trace on `Object.prototype` (or Array/Function's). */
export const expectPrototypesClean = (): void => {
  expect(prototypeSnapshot()).toBe(CLEAN)
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined()
}

const isPlain = (x: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(x)
  return proto === Object.prototype || proto === null
}

/** Whether `x` is exactly JSON data: finite numbers, strings, booleans, null, plain arrays and objects, no cycles. */
export const isJsonData = (x: unknown, seen: object[] = []): boolean => {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return true
  if (typeof x === 'number') return Number.isFinite(x)
  if (typeof x !== 'object' || seen.includes(x)) return false
  const next = [...seen, x]
  if (Array.isArray(x)) return x.every((item) => isJsonData(item, next)) && Object.keys(x).length === x.length
  if (!isPlain(x) || Object.getOwnPropertySymbols(x).length > 0) return false
  return Object.keys(x).every((key) => {
    const d = Object.getOwnPropertyDescriptor(x, key)
    return d !== undefined && 'value' in d && isJsonData(d.value, next)
  })
}

/** The builder's answer is a well-formed Either; a Left is a ValidationError naming its path. */
export const expectWellFormed = (result: E.Either<MixpanelError, MixpanelRequest>): void => {
  expect(result._tag === 'Left' || result._tag === 'Right').toBe(true)
  if (E.isLeft(result)) {
    const error = result.left
    expect(error._tag).toBe('ValidationError')
    if (error._tag !== 'ValidationError') return
    expect(typeof error.path).toBe('string')
    expect(error.path.length).toBeGreaterThan(0)
    expect(error.message.startsWith(`Invalid ${error.path}: `)).toBe(true)
    expect(error.message.length).toBeGreaterThan(`Invalid ${error.path}: `.length)
    expect(isJsonData(error)).toBe(true)
  } else {
    expectRoundTrips(result.right)
  }
}

/** A descriptor is plain JSON data that survives `JSON.stringify`/`JSON.parse` unchanged. */
export const expectRoundTrips = (request: MixpanelRequest): void => {
  expect(['/track', '/import', '/engage', '/groups']).toContain(request.endpoint)
  expect(['token', 'secret']).toContain(request.auth)
  expect(request.records.length).toBeGreaterThan(0)
  expect(isJsonData(request)).toBe(true)
  const text = JSON.stringify(request)
  expect(JSON.stringify(JSON.parse(text))).toBe(text)
}

/** Calls `build`, failing the property (instead of crashing the suite) if it throws. */
export const callSafely = <I>(build: (input: I, env?: never) => E.Either<MixpanelError, MixpanelRequest>, input: unknown, env?: unknown): E.Either<MixpanelError, MixpanelRequest> => {
  let result: E.Either<MixpanelError, MixpanelRequest> | undefined
  let thrown: unknown
  let threw = false
  try {
    result = build(input as I, env as never)
  } catch (e) {
    threw = true
    thrown = e
  }
  expect(threw ? `threw: ${String(thrown)}` : 'did not throw').toBe('did not throw')
  return result as E.Either<MixpanelError, MixpanelRequest>
}

/** Hostile clocks and insert-id sources, besides well-behaved ones. */
export const anyEnv: fc.Arbitrary<Recipe> = fc.oneof(
  fc.constant(recipe('no env', () => undefined)),
  fc.constant(recipe('real clock', () => ({ now: () => Date.now() }))),
  fc.constant(recipe('throwing clock', () => ({ now: thrower('clock') }))),
  fc.constant(recipe('NaN clock', () => ({ now: () => Number.NaN }))),
  fc.constant(recipe('string clock', () => ({ now: () => 'soon' }))),
  fc.constant(recipe('throwing insertId', () => ({ insertId: thrower('insert id') }))),
  fc.constant(recipe('insertId with spaces', () => ({ insertId: () => 'bad id with spaces' }))),
  fc.constant(recipe('numeric insertId', () => ({ insertId: () => 42 }))),
  fc.constant(recipe('env Proxy with throwing traps', throwingProxy)),
  anyValue,
)
