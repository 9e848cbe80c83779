import { either as E, function as F, task as T, taskEither as TE } from 'fp-ts'
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

const gzipText = (text: string): TE.TaskEither<unknown, Uint8Array<ArrayBuffer>> =>
  TE.tryCatch(async () => {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
    return new Uint8Array(await new Response(stream).arrayBuffer())
  }, F.identity)

/**
 * Writes records as the JSON array Mixpanel expects and, when asked and the platform has
 * `CompressionStream`, gzips it. A platform that cannot compress gets the plain JSON, which every
 * endpoint accepts, rather than an error.
 * @example
 * await encodeBody([{ event: 'signup' }], false)() // Right({ body: '[{"event":"signup"}]', gzip: false })
 */
export const encodeBody = (records: ReadonlyArray<JsonObject>, gzip: boolean): TE.TaskEither<ValidationError, EncodedBody> =>
  F.pipe(
    TE.fromEither(stringify(records)),
    TE.flatMap((json): TE.TaskEither<ValidationError, EncodedBody> =>
      !gzip || typeof CompressionStream !== 'function'
        ? TE.right({ body: json, gzip: false })
        : F.pipe(
            gzipText(json),
            T.map(
              E.match(
                (): E.Either<ValidationError, EncodedBody> => E.right({ body: json, gzip: false }),
                (bytes) => E.right({ body: bytes, gzip: true }),
              ),
            ),
          ),
    ),
  )
