import { parsePort } from './parsePort.ts'
import { startEmulator } from './startEmulator.ts'
import type { Emulator } from './types.ts'

/**
 * What `mp-emulator` does: starts the emulator on the chosen port and prints
 * `mp emulator listening on <url>`. Answers the running emulator, or an error message (bad port,
 * port in use) instead of throwing.
 * @example
 * const started = await runCli(['--port', '0'], process.env, console.log)
 * if (started.ok) await started.emulator.stop()
 */
export const runCli = async (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
): Promise<{ readonly ok: true; readonly emulator: Emulator } | { readonly ok: false; readonly error: string }> => {
  const port = parsePort(argv, env)
  if (!port.ok) return port
  try {
    const emulator = await startEmulator({ port: port.port })
    print(`mp emulator listening on ${emulator.url}`)
    return { ok: true, emulator }
  } catch (error) {
    return { ok: false, error: `cannot listen on port ${port.port}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
