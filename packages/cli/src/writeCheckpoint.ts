import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'
import type { Checkpoint } from './checkpointTypes.ts'

/**
 * Replaces the checkpoint file atomically: the JSON goes to a temporary file beside it, is flushed
 * to disk, then renamed over the old one, so a crash at any moment leaves the old checkpoint or the
 * new one, never half of one. Synchronous (a few hundred bytes) so that it is done before the
 * process may exit. Answers the error message, or undefined when written.
 * @example
 * writeCheckpoint('import.checkpoint.json', checkpoint) // undefined
 */
export const writeCheckpoint = (path: string, checkpoint: Checkpoint): string | undefined => {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    const fd = openSync(temporary, 'w')
    try {
      writeSync(fd, `${JSON.stringify(checkpoint, null, 2)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, path)
    return undefined
  } catch (error) {
    return `could not write the checkpoint ${path} (${(error as Error).message})`
  }
}
