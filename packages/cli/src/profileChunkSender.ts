import { either as E, type taskEither as TE } from 'fp-ts'
import { request, type Config, type MixpanelError } from '@mp/core'
import type { Chunk, ChunkReceipt } from '@mp/events'
import { send } from '@mp/send'

/**
 * Sends chunks of profile updates to `/engage` or group updates to `/groups`, answering in the same
 * shape as `importChunk`. These endpoints say only that some update in a batch was invalid (verbose
 * `status: 0`, the valid ones applied), not which: then every update of the chunk is reported as
 * refused with Mixpanel's reason. Any other failure means the chunk was not taken in.
 * @example
 * const sendChunk = profileChunkSender({ token: 't' }, '/engage')
 * await sendChunk(chunk)() // Right({ imported: 2000, refused: [], attempts: 1 })
 */
export const profileChunkSender = (config: Config, endpoint: '/engage' | '/groups'): ((chunk: Chunk) => TE.TaskEither<MixpanelError, ChunkReceipt>) => {
  const post = send(config)
  return (chunk) => async () => {
    const result = await post(request(endpoint, 'token', chunk.records))()
    if (E.isRight(result)) return E.right({ imported: chunk.records.length, refused: [], attempts: result.right.attempts })
    if (result.left._tag !== 'ApiRejected') return result
    const message = `Mixpanel refused some update in this batch of ${chunk.records.length} without saying which (the valid ones were applied): ${result.left.reason}`
    return E.right({ imported: 0, refused: chunk.indices.map((index) => ({ index, field: '', message })), attempts: 1 })
  }
}
