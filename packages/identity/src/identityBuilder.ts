import { either as E, function as F } from 'fp-ts'
import * as v from 'valibot'
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

type Validated<A extends string, B extends string> = Readonly<Record<A | B | 'token', string>>

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const TOKEN_MESSAGE = 'must be your project token, a non-empty string'

// The string rules go through valibot; the values reaching it are strings already, because a
// hostile non-string (a Proxy, a revoked Proxy) makes valibot's issue formatting throw.
const schemaFor = <A extends string, B extends string>(spec: IdentitySpec<A, B>): v.GenericSchema<unknown, Validated<A, B>> =>
  v.pipe(
    v.object({
      [spec.first.key]: distinctIdSchema,
      [spec.second.key]: distinctIdSchema,
      token: v.pipe(v.string(TOKEN_MESSAGE), v.check((s) => s.trim() !== '', TOKEN_MESSAGE)),
    } satisfies v.ObjectEntries),
    v.forward(
      v.check(
        (input: Record<string, string>) => input[spec.first.key] !== input[spec.second.key],
        (issue) => spec.sameIds.message(String((issue.input as Record<string, unknown>)[spec.first.key])),
      ),
      [spec.sameIds.reportOn],
    ),
  ) as unknown as v.GenericSchema<unknown, Validated<A, B>>

/** Reads one field, so that a throwing getter is reported at that field. */
const read = (input: object, key: string): E.Either<ValidationError, unknown> => {
  try {
    return E.right((input as Record<string, unknown>)[key])
  } catch (e) {
    return E.left(validationError(key, `could not be read (${reason(e)})`))
  }
}

/** The id or token at `key` as a string, or why not. */
const readString = (input: object, key: string, missing: string, wrongType: (x: unknown) => string): E.Either<ValidationError, string> =>
  F.pipe(
    read(input, key),
    E.flatMap((x) =>
      typeof x === 'string' ? E.right(x) : E.left(validationError(key, x === undefined ? missing : wrongType(x))),
    ),
  )

/** `meta` as JSON, refusing (never throwing on) anything that is not a plain, JSON-safe object. */
const readMeta = (input: object): E.Either<ValidationError, JsonObject> =>
  F.pipe(
    read(input, 'meta'),
    E.flatMap((meta) => {
      try {
        return toJsonObject(meta, 'meta')
      } catch (e) {
        return E.left(validationError('meta', `could not be read (${reason(e)})`))
      }
    }),
  )

const isPlainObject = (x: unknown): x is object => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * @internal Makes the pure builder for one identity event: checks the input (a plain object, two
 * accepted and different ids, a token, `meta` as an object), then emits exactly one record
 * `{ event, properties, ...meta }`. Never throws: a hostile input (throwing getter, Proxy) is a
 * `ValidationError` too.
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
    return F.pipe(
      E.Do,
      E.apS('first', id(spec.first)),
      E.apS('second', id(spec.second)),
      E.apS('token', readString(input, 'token', TOKEN_MESSAGE, () => TOKEN_MESSAGE)),
      E.flatMap(({ first, second, token }) =>
        validate(schemaFor(spec), '')({ [spec.first.key]: first, [spec.second.key]: second, token }),
      ),
      E.flatMap((ok) =>
        F.pipe(
          readMeta(input),
          E.map((meta): MixpanelRequest => {
            const record: JsonObject = { event: spec.event, properties: spec.properties(ok, ok.token), ...meta }
            return request(spec.endpoint, spec.auth, [record])
          }),
        ),
      ),
    )
  }
