import type { FilePosition } from './createLedger.ts'
import type { Kind } from './types.ts'

/** One file in a checkpoint: how far it is done, and what it looked like then. */
export interface CheckpointEntry extends FilePosition {
  readonly size: number
  readonly mtimeMs: number
}

/** What `--checkpoint FILE` holds (JSON): per absolute input path, how far the import got. */
export interface Checkpoint {
  readonly mp: 'import-checkpoint'
  readonly version: 1
  readonly kind: Kind
  readonly updatedAt: string
  readonly files: Readonly<Record<string, CheckpointEntry>>
}
