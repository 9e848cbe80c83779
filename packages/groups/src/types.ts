import type { either as E } from 'fp-ts'
import type { BuildEnv, MixpanelRequest, ProfileMeta, ValidationError } from '@mp/core'

/** A pure group builder: input plus the project token in, `/groups` request descriptor out. */
export type GroupBuilder<I> = (input: I & { readonly token: string }, env?: BuildEnv) => E.Either<ValidationError, MixpanelRequest>

/** Which group profile: the group key (the event property naming the group, e.g. `company`) and the group's id. */
export interface GroupRef {
  readonly groupKey: string
  readonly groupId: string
  readonly meta?: ProfileMeta
}

/** Input of `$set`, `$set_once` and `$remove`: the group and an object of properties. */
export interface GroupPropertiesInput extends GroupRef {
  readonly properties: Readonly<Record<string, unknown>>
}

/** Input of `$union`: lists whose items are added to list properties, without duplicates. */
export interface GroupUnionInput extends GroupRef {
  readonly properties: Readonly<Record<string, ReadonlyArray<unknown>>>
}

/** Input of `$unset`: the names of the properties to remove. */
export interface GroupUnsetInput extends GroupRef {
  readonly properties: ReadonlyArray<string>
}

/** Input of `$delete`: the group only. */
export type GroupDeleteInput = GroupRef

/** Input of a raw group update: a message such as `{ $group_key, $group_id, $set: { … } }`. */
export interface GroupUpdateInput {
  readonly message: Readonly<Record<string, unknown>>
  readonly meta?: ProfileMeta
}
