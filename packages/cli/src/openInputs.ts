import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { either as E } from 'fp-ts'
import type { InputFile } from './types.ts'

const checkFile = async (name: string, cwd: string): Promise<E.Either<string, InputFile>> => {
  if (name === '-') return E.right({ name, path: undefined, size: undefined, mtimeMs: undefined })
  const path = resolve(cwd, name)
  try {
    const info = await stat(path)
    if (info.isDirectory()) return E.left(`${name} is a directory: pass the files in it (for example ${name}/*.ndjson)`)
    if (!info.isFile()) return E.left(`${name} is not a regular file`)
    await access(path, constants.R_OK)
    return E.right({ name, path, size: info.size, mtimeMs: info.mtimeMs })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return E.left(code === 'ENOENT' ? `${name}: no such file` : code === 'EACCES' ? `${name}: permission denied` : `${name}: cannot be read (${(error as Error).message})`)
  }
}

/**
 * Checks every input before anything is read or sent: each must be a readable regular file (or
 * `-` for stdin). Answers them with their absolute path, size and modification time (what a
 * checkpoint remembers), or the first problem, for an exit code 2 with nothing sent.
 * @example
 * await openInputs(['a.ndjson', 'b.csv.gz'], process.cwd()) // Right([{ name: 'a.ndjson', path: '/…/a.ndjson', size: 1234, mtimeMs }, …])
 */
export const openInputs = async (names: ReadonlyArray<string>, cwd: string): Promise<E.Either<string, ReadonlyArray<InputFile>>> => {
  const inputs: InputFile[] = []
  for (const name of names) {
    const checked = await checkFile(name, cwd)
    if (E.isLeft(checked)) return checked
    inputs.push(checked.right)
  }
  return E.right(inputs)
}
