import { either as E } from 'fp-ts'
import { profileUpdate, profileValue, type JsonValue, type ProfileValueKind, type ValidationError } from '@mp/core'
import { checkGroupRef } from './checkGroupRef.ts'
import type { GroupBuilder } from './types.ts'

/** The group-profile operations `/groups` understands (no `$add` or `$append` on groups). */
export type GroupOperation = '$set' | '$set_once' | '$union' | '$remove' | '$unset' | '$delete'

/** Computes an operation's value from the caller's input. */
export type OperationValue = (input: Readonly<Record<string, unknown>>) => E.Either<ValidationError, JsonValue>

/**
 * @internal Makes the builder of one `/groups` operation: the record is
 * `{ $token, $time, $group_key, $group_id, <op>: value, ...meta }`, as mixpanel-python's
 * `group_*` methods. `value` is the kind of `input.properties` the operation takes (checked by
 * `profileValue`) or a function computing it.
 * @example
 * export const buildGroupSetPayload: GroupBuilder<GroupPropertiesInput> = groupOperation('$set', 'properties')
 */
export const groupOperation = <I>(op: GroupOperation, value: ProfileValueKind | OperationValue): GroupBuilder<I> =>
  profileUpdate({
    endpoint: '/groups',
    example: "{ groupKey: 'company', groupId: 'acme-inc', … }",
    message: (input) => {
      const ref = checkGroupRef(input['groupKey'], input['groupId'])
      if (E.isLeft(ref)) return ref
      const operand = typeof value === 'function' ? value(input) : profileValue(value, input['properties'])
      return E.isLeft(operand) ? operand : E.right({ ...ref.right, [op]: operand.right })
    },
  })
