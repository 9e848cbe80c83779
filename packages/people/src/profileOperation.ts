import { either as E } from 'fp-ts'
import { profileUpdate, profileValue, type JsonValue, type ProfileValueKind, type ValidationError } from '@mp/core'
import { checkDistinctId } from './checkDistinctId.ts'
import type { PeopleBuilder } from './types.ts'

/** The profile operations `/engage` understands. */
export type PeopleOperation = '$set' | '$set_once' | '$add' | '$append' | '$union' | '$remove' | '$unset' | '$delete'

/** Computes an operation's value from the caller's input; `now` is the build clock in ms. */
export type OperationValue = (input: Readonly<Record<string, unknown>>, now: number) => E.Either<ValidationError, JsonValue>

/**
 * @internal Makes the builder of one `/engage` operation: the record is
 * `{ $token, $time, $distinct_id, <op>: value, ...meta }`, as mixpanel-python's `people_*`
 * methods. `value` is either the kind of `input.properties` the operation takes (checked by
 * `profileValue`) or a function computing it.
 * @example
 * export const buildPeopleSetPayload: PeopleBuilder<PeoplePropertiesInput> = profileOperation('$set', 'properties')
 */
export const profileOperation = <I>(op: PeopleOperation, value: ProfileValueKind | OperationValue): PeopleBuilder<I> =>
  profileUpdate({
    endpoint: '/engage',
    example: "{ distinctId: 'user_1', … }",
    message: (input, now) => {
      const id = checkDistinctId(input['distinctId'])
      if (E.isLeft(id)) return id
      const operand = typeof value === 'function' ? value(input, now) : profileValue(value, input['properties'])
      return E.isLeft(operand) ? operand : E.right({ $distinct_id: id.right, [op]: operand.right })
    },
  })
