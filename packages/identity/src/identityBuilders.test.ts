import { describe, it, expect } from 'vitest'
import { either as E } from 'fp-ts'
import fc from 'fast-check'
import { PLACEHOLDER_IDS } from '@mp/core'
import { buildAliasPayload, buildIdentifyPayload, buildMergePayload } from '@mp/identity'

// Every builder is typed for good input; these tests feed it what JavaScript callers can pass anyway.
const alias = buildAliasPayload as (input: unknown) => ReturnType<typeof buildAliasPayload>
const merge = buildMergePayload as (input: unknown) => ReturnType<typeof buildMergePayload>
const identify = buildIdentifyPayload as (input: unknown) => ReturnType<typeof buildIdentifyPayload>

const failure = (result: ReturnType<typeof alias>): { path: string; message: string } | undefined =>
  E.isLeft(result) && result.left._tag === 'ValidationError' ? { path: result.left.path, message: result.left.message } : undefined

const good = { aliasId: 'user_67890', original: 'anonymous_12345', token: 't' }

describe('identity builders refuse bad input with a ValidationError a person understands', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['user_67890', 'string'],
    [42, 'number'],
    [['user_67890', 'anonymous_12345'], 'an array'],
  ])('input %j is not an object', (input, got) => {
    expect(failure(alias(input))).toStrictEqual({
      path: 'input',
      message: `Invalid input: must be an object such as { aliasId: 'user_67890', original: 'anonymous_12345' }, got ${got}`,
    })
    expect(failure(merge(input))?.message).toMatch(/^Invalid input: must be an object such as \{ distinctId1: /)
    expect(failure(identify(input))?.message).toMatch(/^Invalid input: must be an object such as \{ identifiedId: /)
  })

  it('a missing id names the field and what it is for', () => {
    expect(failure(alias({ original: 'anonymous_12345', token: 't' }))).toStrictEqual({
      path: 'aliasId',
      message: "Invalid aliasId: is required: the new id to link, e.g. 'user_67890'",
    })
    expect(failure(alias({ aliasId: 'user_67890', original: undefined, token: 't' }))).toStrictEqual({
      path: 'original',
      message: "Invalid original: is required: the id already in use, e.g. 'anonymous_12345'",
    })
    expect(failure(merge({ distinctId1: 'a_1', token: 't' }))).toStrictEqual({
      path: 'distinctId2',
      message: 'Invalid distinctId2: is required: the second of the two distinct ids to merge',
    })
    expect(failure(identify({ anonId: 'a_1', token: 't' }))?.path).toBe('identifiedId')
  })

  it.each([
    [42, 'number'],
    [null, 'null'],
    [{ id: 'x' }, 'object'],
    [['x'], 'an array'],
  ])('an id of the wrong type (%j) says what it got', (bad, got) => {
    expect(failure(alias({ ...good, aliasId: bad }))).toStrictEqual({ path: 'aliasId', message: `Invalid aliasId: must be a string, got ${got}` })
    expect(failure(merge({ distinctId1: 'a_1', distinctId2: bad, token: 't' }))?.message).toBe(`Invalid distinctId2: must be a string, got ${got}`)
    expect(failure(identify({ identifiedId: 'u_1', anonId: bad, token: 't' }))?.message).toBe(`Invalid anonId: must be a string, got ${got}`)
  })

  it.each(['', '   '])('an empty id (%j) is refused', (empty) => {
    expect(failure(alias({ ...good, original: empty }))).toStrictEqual({ path: 'original', message: 'Invalid original: must be a non-empty string' })
    expect(failure(merge({ distinctId1: empty, distinctId2: 'b_2', token: 't' }))?.message).toBe('Invalid distinctId1: must be a non-empty string')
  })

  it.each(PLACEHOLDER_IDS.flatMap((id) => [id, id.toUpperCase(), ` ${id} `]))('the placeholder id %j is refused with the reason', (placeholder) => {
    const reason = `Invalid aliasId: ${JSON.stringify(placeholder)} is a placeholder Mixpanel refuses as an id`
    expect(failure(alias({ ...good, aliasId: placeholder }))).toStrictEqual({ path: 'aliasId', message: reason })
    expect(failure(alias({ ...good, original: placeholder }))?.path).toBe('original')
    expect(failure(merge({ distinctId1: 'a_1', distinctId2: placeholder, token: 't' }))?.message).toMatch(/placeholder Mixpanel refuses/)
    expect(failure(identify({ identifiedId: 'u_1', anonId: placeholder, token: 't' }))?.message).toMatch(/placeholder Mixpanel refuses/)
  })

  it('ids that merely contain a placeholder word are fine', () => {
    expect(E.isRight(alias({ ...good, original: 'anon_0' }))).toBe(true)
    expect(E.isRight(merge({ distinctId1: 'null-island', distinctId2: '-10', token: 't' }))).toBe(true)
  })

  it('aliasing an id to itself is refused', () => {
    expect(failure(alias({ ...good, aliasId: 'user_1', original: 'user_1' }))).toStrictEqual({
      path: 'aliasId',
      message: 'Invalid aliasId: must differ from original (both are "user_1")',
    })
  })

  it('merging an id with itself is refused', () => {
    expect(failure(merge({ distinctId1: 'user_1', distinctId2: 'user_1', token: 't' }))).toStrictEqual({
      path: 'distinctId2',
      message: 'Invalid distinctId2: must differ from distinctId1 (both are "user_1")',
    })
  })

  it('identifying an id as itself is refused', () => {
    expect(failure(identify({ identifiedId: 'user_1', anonId: 'user_1', token: 't' }))).toStrictEqual({
      path: 'anonId',
      message: 'Invalid anonId: must differ from identifiedId (both are "user_1")',
    })
  })

  it.each([undefined, '', '  ', 42])('a token of %j is refused', (token) => {
    const expected = { path: 'token', message: 'Invalid token: must be your project token, a non-empty string' }
    expect(failure(alias({ ...good, token }))).toStrictEqual(expected)
    expect(failure(merge({ distinctId1: 'a_1', distinctId2: 'b_2', token }))).toStrictEqual(expected)
    expect(failure(identify({ identifiedId: 'u_1', anonId: 'a_1', token }))).toStrictEqual(expected)
  })

  it.each([
    ['ip=0', 'string'],
    [['ip', 0], 'an array'],
    [null, 'null'],
    [7, 'number'],
  ])('meta %j must be an object', (meta, got) => {
    expect(failure(alias({ ...good, meta }))).toStrictEqual({ path: 'meta', message: `Invalid meta: must be an object of properties, got ${got}` })
  })

  it('meta that is not JSON-safe is refused with the path of the bad value', () => {
    expect(failure(alias({ ...good, meta: { score: Number.NaN } }))?.path).toBe('meta.score')
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(failure(merge({ distinctId1: 'a_1', distinctId2: 'b_2', token: 't', meta: cyclic }))?.message).toMatch(/circular reference/)
  })

  it('a hostile input (throwing getter, throwing Proxy) is a ValidationError, not a throw', () => {
    const getter = Object.defineProperty({ original: 'b_2', token: 't' }, 'aliasId', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(failure(alias(getter))).toStrictEqual({ path: 'aliasId', message: 'Invalid aliasId: could not be read (boom)' })
    const proxy = new Proxy(
      {},
      {
        has: () => {
          throw new Error('trap')
        },
        get: () => {
          throw new Error('trap')
        },
      },
    )
    // The first field read throws, so that field is named.
    expect(failure(merge(proxy))).toStrictEqual({ path: 'distinctId1', message: 'Invalid distinctId1: could not be read (trap)' })
    const opaque = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('keys')
        },
      },
    )
    expect(failure(merge(opaque))).toStrictEqual({ path: 'input', message: 'Invalid input: could not be read (keys)' })
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(failure(identify(revoked))?.path).toBe('input')
    expect(failure(alias({ ...good, original: proxy }))).toStrictEqual({ path: 'original', message: 'Invalid original: must be a string, got object' })
    expect(failure(alias({ ...good, meta: proxy }))?.path).toBe('meta')
    expect(failure(alias({ ...good, meta: revoked }))?.path).toBe('meta')
  })

  it('never throws, whatever it is given', () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.record({ aliasId: fc.anything(), original: fc.anything(), token: fc.anything(), meta: fc.anything() }, { requiredKeys: [] }),
      fc.record({ distinctId1: fc.string(), distinctId2: fc.string(), token: fc.string(), meta: fc.anything() }, { requiredKeys: [] }),
    )
    fc.assert(
      fc.property(anything, (input) => {
        for (const build of [alias, merge, identify]) {
          const result = build(input)
          expect(E.isLeft(result) ? result.left._tag : result.right.records.length).toSatisfy((x) => x === 'ValidationError' || x === 1)
        }
      }),
    )
  })
})
