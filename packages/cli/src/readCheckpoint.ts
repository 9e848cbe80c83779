import { readFile } from 'node:fs/promises'
import { either as E } from 'fp-ts'
import type { Checkpoint } from './checkpointTypes.ts'
import type { Kind } from './types.ts'

const isEntry = (entry: unknown): boolean => {
  if (typeof entry !== 'object' || entry === null) return false
  const { records, line, offset, done, size, mtimeMs } = entry as Record<string, unknown>
  const whole = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0
  return whole(records) && whole(line) && (offset === undefined || whole(offset)) && typeof done === 'boolean' && whole(size) && typeof mtimeMs === 'number'
}

/**
 * Reads a `--checkpoint` file: Right(undefined) when it does not exist yet (a first run), the
 * checkpoint when it is one written by `mp import` for the same kind, else the message to print.
 * @example
 * await readCheckpoint('import.checkpoint.json', 'events') // Right(undefined) on the first run
 */
export const readCheckpoint = async (path: string, kind: Kind): Promise<E.Either<string, Checkpoint | undefined>> => {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return E.right(undefined)
    return E.left(`--checkpoint ${path}: cannot be read (${(error as Error).message})`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = undefined
  }
  const checkpoint = value as Partial<Checkpoint> | undefined
  if (checkpoint?.mp !== 'import-checkpoint' || checkpoint.version !== 1 || typeof checkpoint.files !== 'object' || checkpoint.files === null || !Object.values(checkpoint.files).every(isEntry)) {
    return E.left(`--checkpoint ${path}: not a checkpoint written by mp import (move it away, or name another file)`)
  }
  if (checkpoint.kind !== kind) return E.left(`--checkpoint ${path}: it records an import of ${String(checkpoint.kind)}, not ${kind}`)
  return E.right(checkpoint as Checkpoint)
}
