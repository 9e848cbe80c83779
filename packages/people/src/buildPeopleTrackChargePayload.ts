import { either as E } from 'fp-ts'
import { formatDate, toJsonObject, validationError, type JsonObject, type ValidationError, describeValue } from '@mp/core'
import { profileOperation } from './profileOperation.ts'
import type { PeopleBuilder, PeopleTrackChargeInput } from './types.ts'

const checkAmount = (amount: unknown): E.Either<ValidationError, number> =>
  typeof amount === 'number' && Number.isFinite(amount)
    ? E.right(amount)
    : E.left(
        validationError(
          'amount',
          amount === undefined ? 'is required: the charge as a number, such as 12.65' : `must be a finite number such as 12.65, got ${typeof amount === 'number' ? String(amount) : describeValue(amount)}`,
        ),
      )

// A new object, never the caller's: mixpanel-python adds `$amount` to the dict it was given.
const transaction = (input: Readonly<Record<string, unknown>>, now: number): E.Either<ValidationError, JsonObject> => {
  const amount = checkAmount(input['amount'])
  if (E.isLeft(amount)) return amount
  const properties = toJsonObject(input['properties'], 'properties')
  if (E.isLeft(properties)) return properties
  return E.right({
    $transactions: {
      ...properties.right,
      ...(Object.hasOwn(properties.right, '$time') ? {} : { $time: formatDate(new Date(now)) }),
      $amount: amount.right,
    },
  })
}

/**
 * Builds the profile update that records a revenue charge: `$append` of
 * `{ ...properties, $amount }` to the profile's `$transactions`, with `$time` (the build clock, as
 * `YYYY-MM-DDTHH:MM:SS` UTC) when `properties` has none. The caller's object is never changed.
 * mixpanel-python: `people_track_charge(distinct_id, amount, properties, meta)`.
 * @example
 * import { buildPeopleTrackChargePayload } from '@mp/people'
 * buildPeopleTrackChargePayload({ token: 't', distinctId: 'user_1', amount: 12.65 }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1',
 * //   $append: { $transactions: { $time: '1970-01-01T00:16:40', $amount: 12.65 } } }] })
 */
export const buildPeopleTrackChargePayload: PeopleBuilder<PeopleTrackChargeInput> = /*#__PURE__*/ profileOperation('$append', transaction)
