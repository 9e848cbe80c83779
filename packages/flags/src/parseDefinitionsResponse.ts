import { either as E } from 'fp-ts'
import { decodeError, type DecodeError, type ValidationError } from '@mp/core'
import { parseFlagDefinition } from './parseFlagDefinition.ts'
import type { FlagDefinition } from './types.ts'

/** The usable definitions of a `/flags/definitions` answer, and the ones that had to be skipped. */
export interface ParsedDefinitions {
  /** By flag key; a later definition with the same key replaces an earlier one, as in mixpanel-python. */
  readonly flags: ReadonlyMap<string, FlagDefinition>
  readonly skipped: ReadonlyArray<ValidationError>
}

const snippet = (body: unknown): string => {
  try {
    return (JSON.stringify(body) ?? String(body)).slice(0, 200)
  } catch {
    return '(unprintable)'
  }
}

/**
 * Reads a `/flags/definitions` answer (`{"flags": [...]}`). A body of another shape is a
 * `DecodeError` (the caller keeps its previous definitions); each malformed flag is skipped and
 * reported on its own, so one bad flag never hides the others.
 * @internal
 * @example
 * parseDefinitionsResponse({ flags: [goodFlag, { key: 'broken' }] })
 * // Right({ flags: Map { 'good' => … }, skipped: [ValidationError at flags[1].context] })
 */
export const parseDefinitionsResponse = (body: unknown): E.Either<DecodeError, ParsedDefinitions> => {
  let list: unknown
  try {
    list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['flags'] : undefined
  } catch {
    list = undefined
  }
  if (!Array.isArray(list)) return E.left(decodeError('/flags/definitions', 200, `expected {"flags": [...]}, got ${snippet(body)}`))
  const flags = new Map<string, FlagDefinition>()
  const skipped: ValidationError[] = []
  list.forEach((item: unknown, index) => {
    const parsed = parseFlagDefinition(item, `flags[${index}]`)
    if (E.isLeft(parsed)) skipped.push(parsed.left)
    else flags.set(parsed.right.key, parsed.right)
  })
  return E.right({ flags, skipped })
}
