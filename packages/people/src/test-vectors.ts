import { either as E } from 'fp-ts'
import { expect } from 'vitest'
import type { JsonObject, MixpanelError, MixpanelRequest } from '@mp/core'

/** mixpanel-python's test fixtures: token `12345`, `_now()` = 1000.1 s. */
export const TOKEN = '12345'
export const ENV = { now: (): number => 1_000_100 }

/** Asserts a builder result is one `/engage` record equal to `record` and serialising to `wire`. */
export const expectEngage = (result: E.Either<MixpanelError, MixpanelRequest>, record: JsonObject, wire: string): void => {
  expect(result).toStrictEqual(E.right({ endpoint: '/engage', auth: 'token', records: [record] }))
  if (E.isRight(result)) expect(JSON.stringify(result.right.records[0])).toBe(wire)
}

/** Asserts a builder refused its input with exactly this `ValidationError` message. */
export const expectInvalid = (result: E.Either<MixpanelError, MixpanelRequest>, path: string, message: string): void => {
  expect(result).toStrictEqual(E.left({ _tag: 'ValidationError', path, message }))
}
