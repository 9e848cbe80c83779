import { either as E, type taskEither as TE } from 'fp-ts'
import { validationError, type JsonObject, type ValidationError } from '@mp/core'

/** A request body ready for the wire. */
export interface EncodedBody {
  readonly body: string | Uint8Array<ArrayBuffer>
  /** `true` when `body` is gzip: send `Content-Encoding: gzip`. */
  readonly gzip: boolean
}

const gzipText = async (text: string): Promise<Uint8Array<ArrayBuffer>> => {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/**
 * Writes records as the JSON array Mixpanel expects and, when asked and the platform has
 * `CompressionStream`, gzips it. A platform that cannot compress gets the plain JSON, which every
 * endpoint accepts, rather than an error.
 * @example
 * await encodeBody([{ event: 'signup' }], false)() // Right({ body: '[{"event":"signup"}]', gzip: false })
 */
export const encodeBody =
  (records: ReadonlyArray<JsonObject>, gzip: boolean): TE.TaskEither<ValidationError, EncodedBody> =>
  async () => {
    let json: string
    try {
      // An array always stringifies to a string; it throws on cycles and BigInts, which builders
      // refuse earlier but a hand-made descriptor may hold.
      json = JSON.stringify(records)
    } catch (error) {
      return E.left(validationError('records', `cannot be written as JSON (${error instanceof Error ? error.name : 'unknown reason'})`))
    }
    if (gzip && typeof CompressionStream === 'function') {
      try {
        return E.right({ body: await gzipText(json), gzip: true })
      } catch {
        // A platform that fails to compress still sends: plain JSON is accepted everywhere.
      }
    }
    return E.right({ body: json, gzip: false })
  }
