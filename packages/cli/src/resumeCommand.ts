import { SECRET_FLAGS } from './parseImportArgs.ts'

// Quoted for a POSIX shell when it holds anything but plain characters.
const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)

/**
 * The command that picks an interrupted import up where it stopped: the same arguments, with
 * `--checkpoint FILE` added when it was not given, and without any secret given as a flag (those
 * come from the environment instead).
 * @example
 * resumeCommand(['import', 'events', 'a b.ndjson', '--api-secret', 'S3CR3T'], 'cp.json')
 * // "mp import events 'a b.ndjson' --checkpoint cp.json"
 */
export const resumeCommand = (argv: ReadonlyArray<string>, checkpoint: string): string => {
  const kept: string[] = []
  let hasCheckpoint = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const flag = arg.split('=')[0] as string
    if (SECRET_FLAGS.includes(flag)) {
      if (!arg.includes('=')) i++
      continue
    }
    if (flag === '--checkpoint') hasCheckpoint = true
    kept.push(arg)
  }
  if (!hasCheckpoint) kept.push('--checkpoint', checkpoint)
  return ['mp', ...kept].map(quote).join(' ')
}
