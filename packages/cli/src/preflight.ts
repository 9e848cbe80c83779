import { resolve } from 'node:path'
import { either as E } from 'fp-ts'
import type { Checkpoint } from './checkpointTypes.ts'
import { openInputs } from './openInputs.ts'
import { openRejects, type Rejects } from './openRejects.ts'
import { readCheckpoint } from './readCheckpoint.ts'
import type { ImportPlan, InputFile } from './types.ts'

/** What `mp import` checked and opened before reading a record. */
export interface Preflight {
  readonly inputs: ReadonlyArray<InputFile>
  /** Absolute path of `--checkpoint`, and what it held (undefined on a first run). */
  readonly checkpointPath: string | undefined
  readonly checkpoint: Checkpoint | undefined
  readonly rejects: Rejects | undefined
}

/**
 * Everything that can stop an import before anything is sent: every input readable, the
 * checkpoint (when given) readable, of the same kind, and written for these files as they are now
 * (same size and modification time), the rejects file writable (appended to when resuming).
 * Answers what was opened, or the message for exit code 2.
 * @example
 * const ready = await preflight(plan, process.cwd()) // Right({ inputs, checkpoint: undefined, rejects, … })
 */
export const preflight = async (plan: ImportPlan, cwd: string): Promise<E.Either<string, Preflight>> => {
  const opened = await openInputs(plan.inputs, cwd)
  if (E.isLeft(opened)) return opened
  const inputs = opened.right
  const checkpointPath = plan.checkpoint === undefined ? undefined : resolve(cwd, plan.checkpoint)
  const read = checkpointPath === undefined ? E.right(undefined) : await readCheckpoint(checkpointPath, plan.kind)
  if (E.isLeft(read)) return read
  const checkpoint = read.right
  const changed = inputs.find((input) => {
    const entry = input.path === undefined ? undefined : checkpoint?.files[input.path]
    return entry !== undefined && (entry.size !== input.size || entry.mtimeMs !== input.mtimeMs)
  })
  if (changed !== undefined) {
    return E.left(`${changed.name} changed since the checkpoint was written (size or modification time); delete ${plan.checkpoint} to import it from the start`)
  }
  const rejectsPath = plan.rejects === undefined ? undefined : resolve(cwd, plan.rejects)
  const rejects = rejectsPath === undefined ? E.right(undefined) : openRejects(rejectsPath, checkpoint !== undefined)
  if (E.isLeft(rejects)) return rejects
  return E.right({ inputs, checkpointPath, checkpoint, rejects: rejects.right })
}
