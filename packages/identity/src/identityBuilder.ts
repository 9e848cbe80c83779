import { either as E } from 'fp-ts'
import {
  describeValue,
  distinctIdSchema,
  request,
  toJsonObject,
  validate,
  validationError,
  type Endpoint,
  type JsonObject,
  type MixpanelRequest,
  type ValidationError,
} from '@mp/core'

/** One of the two ids an identity event links, with the hint shown when it is missing. */
interface IdField<K extends string> {
  readonly key: K
  readonly hint: string
}

/** What distinguishes `$create_alias`, `$merge` and `$identify` from one another. */
export interface IdentitySpec<A extends string, B extends string> {
  readonly event: '$create_alias' | '$merge' | '$identify'
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  readonly first: IdField<A>
  readonly second: IdField<B>
  /** The field a "both ids are the same" error is reported on, and why that is refused. */
  readonly sameIds: { readonly reportOn: A | B; readonly message: (id: string) => string }
  /** Shown when the input is not an object at all. */
  readonly example: string
  /** The record's `properties`, in mixpanel-python's key order. */
  readonly properties: (ids: Readonly<Record<A | B, string>>, token: string) => JsonObject
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const TOKEN_MESSAGE = 'must be your project token, a non-empty string'

/** Reads one field, so that a throwing getter is reported at that field. */
const read = (input: object, key: string): E.Either<ValidationError, unknown> => {
  try {
    return E.right((input as Record<string, unknown>)[key])
  } catch (e) {
    return E.left(validationError(key, `could not be read (${reason(e)})`))
  }
}

/** The id or token at `key` as a string, or why not. */
const readString = (input: object, key: string, missing: string, wrongType: (x: unknown) => string): E.Either<ValidationError, string> => {
  const x = read(input, key)
  if (E.isLeft(x)) return x
  return typeof x.right === 'string' ? E.right(x.right) : E.left(validationError(key, x.right === undefined ? missing : wrongType(x.right)))
}

/** `meta` as JSON, refusing (never throwing on) anything that is not a plain, JSON-safe object. */
const readMeta = (input: object): E.Either<ValidationError, JsonObject> => {
  const meta = read(input, 'meta')
  if (E.isLeft(meta)) return meta
  try {
    return toJsonObject(meta.right, 'meta')
  } catch (e) {
    return E.left(validationError('meta', `could not be read (${reason(e)})`))
  }
}

const isPlainObject = (x: unknown): x is object => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * @internal Makes the pure builder for one identity event: checks the input (a plain object, two
 * accepted and different ids, a token, `meta` as an object), then emits exactly one record
 * `{ event, properties, ...meta }`. Never throws: a hostile input (throwing getter, Proxy) is a
 * `ValidationError` too.
 * @example
 * const build = identityBuilder({ event: '$identify', endpoint: '/track', auth: 'token', … })
 */
export const identityBuilder =
  <A extends string, B extends string>(spec: IdentitySpec<A, B>) =>
  (input: unknown): E.Either<ValidationError, MixpanelRequest> => {
    try {
      if (!isPlainObject(input)) {
        return E.left(validationError('input', `must be an object such as ${spec.example}, got ${describeValue(input)}`))
      }
      // Touches every own key once: a Proxy whose traps throw is refused as a whole.
      Object.keys(input)
    } catch (e) {
      return E.left(validationError('input', `could not be read (${reason(e)})`))
    }
    const id = (field: IdField<string>) =>
      readString(input, field.key, `is required: ${field.hint}`, (x) => `must be a string, got ${describeValue(x)}`)
    // Every field's type first, then the id rules (valibot's `distinctIdSchema`), then the token,
    // then the pair: the first problem in that order is the one reported.
    const first = id(spec.first)
    if (E.isLeft(first)) return first
    const second = id(spec.second)
    if (E.isLeft(second)) return second
    const token = readString(input, 'token', TOKEN_MESSAGE, () => TOKEN_MESSAGE)
    if (E.isLeft(token)) return token
    const firstOk = validate(distinctIdSchema, spec.first.key)(first.right)
    if (E.isLeft(firstOk)) return firstOk
    const secondOk = validate(distinctIdSchema, spec.second.key)(second.right)
    if (E.isLeft(secondOk)) return secondOk
    if (token.right.trim() === '') return E.left(validationError('token', TOKEN_MESSAGE))
    if (first.right === second.right) return E.left(validationError(spec.sameIds.reportOn, spec.sameIds.message(first.right)))
    const meta = readMeta(input)
    if (E.isLeft(meta)) return meta
    const ids = { [spec.first.key]: first.right, [spec.second.key]: second.right } as Record<A | B, string>
    const record: JsonObject = { event: spec.event, properties: spec.properties(ids, token.right), ...meta.right }
    return E.right(request(spec.endpoint, spec.auth, [record]))
  }
