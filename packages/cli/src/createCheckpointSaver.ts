import type { Checkpoint, CheckpointEntry } from './checkpointTypes.ts'
import type { Ledger } from './createLedger.ts'
import type { Rejects } from './openRejects.ts'
import type { InputFile, Kind } from './types.ts'
import { writeCheckpoint } from './writeCheckpoint.ts'

/** What a checkpoint is made of. */
export interface CheckpointSource {
  readonly kind: Kind
  readonly inputs: ReadonlyArray<InputFile>
  /** What an earlier run recorded: kept for files this run does not read. */
  readonly previous: Checkpoint | undefined
  readonly ledger: Ledger
  /** Flushed to disk first: the checkpoint never gets ahead of the rejects it counts as done. */
  readonly rejects: Rejects | undefined
}

/**
 * Makes `save(path, force)`: writes the ledger's positions for this run's files (with their size
 * and modification time) over what the previous checkpoint held for others, after flushing the
 * rejects file. Without `force` it writes at most once every `everyMs`. Answers the error message
 * when the rejects or the checkpoint cannot be written.
 * @example
 * const save = createCheckpointSaver({ kind: 'events', inputs, previous, ledger, rejects }, 1000)
 * save('/tmp/cp.json', false) // undefined, or a message
 */
export const createCheckpointSaver = (source: CheckpointSource, everyMs: number): ((path: string, force: boolean) => string | undefined) => {
  let savedAt = 0
  return (path, force) => {
    if (!force && Date.now() - savedAt < everyMs) return undefined
    const flushed = source.rejects?.sync()
    if (flushed !== undefined) return flushed
    const positions = source.ledger.positions()
    const files: Record<string, CheckpointEntry> = { ...source.previous?.files }
    source.inputs.forEach((input, i) => {
      const position = positions[i]
      if (input.path !== undefined && position !== undefined) files[input.path] = { ...position, size: input.size ?? 0, mtimeMs: input.mtimeMs ?? 0 }
    })
    savedAt = Date.now()
    return writeCheckpoint(path, { mp: 'import-checkpoint', version: 1, kind: source.kind, updatedAt: new Date(savedAt).toISOString(), files })
  }
}
