import type { either as E } from 'fp-ts'
import type { BuildEnv, MixpanelRequest, ProfileMeta, ValidationError } from '@mp/core'

/** A pure people builder: input plus the project token in, `/engage` request descriptor out. */
export type PeopleBuilder<I> = (input: I & { readonly token: string }, env?: BuildEnv) => E.Either<ValidationError, MixpanelRequest>

/** Input of `$set`, `$set_once`, `$append` and `$remove`: the user and an object of properties. */
export interface PeoplePropertiesInput {
  readonly distinctId: string
  readonly properties: Readonly<Record<string, unknown>>
  readonly meta?: ProfileMeta
}

/** Input of `$add`: amounts to add to numeric properties (negative to subtract). */
export interface PeopleIncrementInput {
  readonly distinctId: string
  readonly properties: Readonly<Record<string, number>>
  readonly meta?: ProfileMeta
}

/** Input of `$union`: lists whose items are added to list properties, without duplicates. */
export interface PeopleUnionInput {
  readonly distinctId: string
  readonly properties: Readonly<Record<string, ReadonlyArray<unknown>>>
  readonly meta?: ProfileMeta
}

/** Input of `$unset`: the names of the properties to remove. */
export interface PeopleUnsetInput {
  readonly distinctId: string
  readonly properties: ReadonlyArray<string>
  readonly meta?: ProfileMeta
}

/** Input of operations on the whole profile (`$delete`, clearing charges). */
export interface PeopleIdInput {
  readonly distinctId: string
  readonly meta?: ProfileMeta
}

/** Input of a revenue charge: appended to the profile's `$transactions`. */
export interface PeopleTrackChargeInput {
  readonly distinctId: string
  /** The charge, in the project's currency; negative for a refund. */
  readonly amount: number
  /** Extra transaction properties; `$time` defaults to the build clock. */
  readonly properties?: Readonly<Record<string, unknown>>
  readonly meta?: ProfileMeta
}

/** Input of a raw profile update: a message such as `{ $distinct_id, $set: { … } }`. */
export interface PeopleUpdateInput {
  readonly message: Readonly<Record<string, unknown>>
  readonly meta?: ProfileMeta
}
