import { either as E } from 'fp-ts'
import { LIB_VERSION } from '@mp/core'
import { runCli } from '@mp/emulator'
import { parseImportArgs } from './parseImportArgs.ts'
import { runImport } from './runImport.ts'
import { EXIT } from './summarize.ts'
import type { Io } from './types.ts'
import { usage } from './usage.ts'

const wantsHelp = (argv: ReadonlyArray<string>): boolean => argv.includes('--help') || argv.includes('-h')

// `mp emulator …`: the emulator's own command line with every flag it knows, until Ctrl-C.
const runEmulator = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const started = await runCli(argv, io.env, (line) => io.stdout.write(`${line}\n`))
  if (!started.ok) {
    io.stderr.write(`mp emulator: ${started.error}\n`)
    return EXIT.usage
  }
  await new Promise<void>((resolve) => {
    const stop = io.onInterrupt(() => {
      stop()
      resolve()
    })
  })
  await started.emulator.stop()
  return EXIT.ok
}

/**
 * The `mp` command: `mp import events|profiles|groups …`, `mp emulator …`, `--help`, `--version`.
 * Takes the arguments after `mp` and where to read and write, answers the exit code; never throws.
 * @example
 * process.exitCode = await runMp(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), onInterrupt })
 */
export const runMp = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const [command, ...rest] = argv
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${LIB_VERSION}\n`)
    return EXIT.ok
  }
  if (command === 'emulator') return runEmulator(rest, io)
  if (command === 'import' && rest.length === 0) {
    io.stderr.write(`mp import: say what to import\n${usage('import')}`)
    return EXIT.usage
  }
  if (command === 'import' && !wantsHelp(rest)) {
    const parsed = parseImportArgs(rest, io.env)
    if (E.isLeft(parsed)) {
      io.stderr.write(`${parsed.left}\n(mp import --help lists every flag)\n`)
      return EXIT.usage
    }
    for (const warning of parsed.right.warnings) io.stderr.write(`${warning}\n`)
    return runImport(parsed.right.plan, io)
  }
  if (command === undefined || wantsHelp(argv) || command === 'help') {
    io.stdout.write(usage(command === 'import' || rest[0] === 'import' ? 'import' : 'main'))
    return EXIT.ok
  }
  io.stderr.write(`mp: unknown command '${command}'\n${usage('main')}`)
  return EXIT.usage
}
