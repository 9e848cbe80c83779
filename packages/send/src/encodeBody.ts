import { either as E, type taskEither as TE } from 'fp-ts'
import { validationError, type JsonObject, type ValidationError } from '@mp/core'

/** A request body ready for the wire. */
export interface EncodedBody {
  readonly body: string | Uint8Array<ArrayBuffer>
  /** `true` when `body` is gzip: send `Content-Encoding: gzip`. */
  readonly gzip: boolean
}

const stringify = (records: ReadonlyArray<JsonObject>): E.Either<ValidationError, string> => {
  try {
    const json: unknown = JSON.stringify(records)
    return typeof json === 'string' ? E.right(json) : E.left(validationError('records', 'cannot be written as JSON'))
  } catch (error) {
    // Cycles and BigInts; builders refuse them earlier, but send also takes hand-made descriptors.
    return E.left(validationError('records', `cannot be written as JSON (${error instanceof Error ? error.name : 'unknown reason'})`))
  }
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
    const json = stringify(records)
    if (E.isLeft(json)) return json
    if (!gzip || typeof CompressionStream !== 'function') return E.right({ body: json.right, gzip: false })
    try {
      return E.right({ body: await gzipText(json.right), gzip: true })
    } catch {
      // A platform that fails to compress still sends: plain JSON is accepted everywhere.
      return E.right({ body: json.right, gzip: false })
    }
  }
