import { toImportAction, type Action } from '@mp/send'
import type { ImportInput } from './types.ts'
import { buildImportPayload } from './buildImportPayload.ts'

/**
 * Sends one historical event to `/import` (strict, with the API secret or service account from the
 * config): `importData(config, env?)(input)` is a lazy `TaskEither` of the receipt.
 * @example
 * import { importData } from '@mp/events'
 * const result = await importData({ token: 'YOUR_TOKEN', apiSecret: 'YOUR_SECRET' })({
 *   distinctId: 'user_1', event: 'signup', timestamp: 1_700_000_000,
 * })()
 */
export const importData: Action<ImportInput> = toImportAction<ImportInput>(buildImportPayload)
