import { taskEither as TE } from 'fp-ts'
import { configError, type Config, type MixpanelError, type MixpanelRequest, type Receipt } from '@mp/core'

/**
 * PLACEHOLDER signature: being implemented. Executes a request descriptor over HTTP.
 */
export const send =
  (_config: Config) =>
  (_request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt> =>
    TE.left(configError('send', 'not implemented yet'))
