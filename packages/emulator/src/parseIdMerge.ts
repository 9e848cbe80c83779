import { readFlag } from './readFlag.ts'
import type { IdMerge } from './types.ts'

/**
 * The identity system the CLI emulates: `--id-merge simplified|original` (or `--id-merge=…`),
 * default `'simplified'`, what a new Mixpanel project gets. Any other value is an error message.
 * @example
 * parseIdMerge(['--id-merge', 'original']) // { ok: true, idMerge: 'original' }
 * parseIdMerge([])                          // { ok: true, idMerge: 'simplified' }
 */
export const parseIdMerge = (argv: ReadonlyArray<string>): { readonly ok: true; readonly idMerge: IdMerge } | { readonly ok: false; readonly error: string } => {
  const text = readFlag(argv, 'id-merge') ?? 'simplified'
  return text === 'simplified' || text === 'original'
    ? { ok: true, idMerge: text }
    : { ok: false, error: `invalid --id-merge '${text}': expected simplified or original` }
}
