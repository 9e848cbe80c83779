import { taskEither as TE } from 'fp-ts'
import { configError, type Config, type FlagsRequest, type MixpanelError } from '@mp/core'

/**
 * PLACEHOLDER signature: being implemented. GETs a feature-flag endpoint and answers its parsed JSON body.
 */
export const fetchFlags =
  (_config: Config) =>
  (_request: FlagsRequest): TE.TaskEither<MixpanelError, unknown> =>
    TE.left(configError('fetchFlags', 'not implemented yet'))
