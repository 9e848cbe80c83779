import { either as E, function as F } from 'fp-ts'
import * as v from 'valibot'
import { validate, type ValidationError } from '@mp/core'
import { shapeMessage } from './shapeMessage.ts'
import type { SelectedVariant } from './types.ts'

const wireVariant = v.looseObject(
  {
    variant_key: v.nullish(v.string('must be a string or null')),
    variant_value: v.unknown(),
    experiment_id: v.nullish(v.string('must be a string or null')),
    is_experiment_active: v.nullish(v.boolean('must be true, false or null')),
    is_qa_tester: v.nullish(v.boolean('must be true, false or null')),
  },
  shapeMessage('must be a variant object'),
)

const responseSchema = v.looseObject(
  {
    code: v.optional(v.number('must be a number')),
    flags: v.record(v.string(), wireVariant, 'must be an object of flag key → variant'),
  },
  shapeMessage('must be an object { code, flags }'),
)

const toSelected = (wire: v.InferOutput<typeof wireVariant>): SelectedVariant => ({
  variantKey: wire.variant_key ?? null,
  variantValue: wire.variant_value ?? null,
  ...(typeof wire.experiment_id === 'string' ? { experimentId: wire.experiment_id } : {}),
  ...(typeof wire.is_experiment_active === 'boolean' ? { isExperimentActive: wire.is_experiment_active } : {}),
  ...(typeof wire.is_qa_tester === 'boolean' ? { isQaTester: wire.is_qa_tester } : {}),
  source: 'remote',
})

/**
 * Reads a `/flags` answer (`{"code": 200, "flags": {key: variant}}`) into `SelectedVariant`s
 * tagged `remote`. Any other shape is a `ValidationError` naming the field.
 * @internal
 * @example
 * parseRemoteResponse({ code: 200, flags: { f: { variant_key: 'on', variant_value: true } } })
 * // Right({ f: { variantKey: 'on', variantValue: true, source: 'remote' } })
 */
export const parseRemoteResponse = (body: unknown): E.Either<ValidationError, Readonly<Record<string, SelectedVariant>>> =>
  F.pipe(
    body,
    validate(responseSchema, 'response'),
    E.map((response) => Object.fromEntries(Object.entries(response.flags).map(([key, wire]) => [key, toSelected(wire)] as const))),
  )
