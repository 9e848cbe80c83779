import { parseIdMerge } from './parseIdMerge.ts'
import { parsePort } from './parsePort.ts'
import { startEmulator } from './startEmulator.ts'
import type { Emulator } from './types.ts'

const SYSTEMS = {
  simplified: 'Simplified ID Merge (what a new Mixpanel project gets; --id-merge original for Original ID Merge)',
  original: 'Original ID Merge ($create_alias, $merge and $identify link ids; --id-merge simplified for Simplified ID Merge)',
} as const

/**
 * What `mp-emulator` does: starts the emulator on the chosen port (`--port N`) emulating the chosen
 * identity system (`--id-merge simplified|original`, default simplified) and prints
 * `mp emulator listening on <url>`, then which identity system it emulates. Answers the running
 * emulator, or an error message (bad port or system, port in use) instead of throwing.
 * @example
 * const started = await runCli(['--port', '0', '--id-merge', 'original'], process.env, console.log)
 * if (started.ok) await started.emulator.stop()
 */
export const runCli = async (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
): Promise<{ readonly ok: true; readonly emulator: Emulator } | { readonly ok: false; readonly error: string }> => {
  const port = parsePort(argv, env)
  if (!port.ok) return port
  const system = parseIdMerge(argv)
  if (!system.ok) return system
  try {
    const emulator = await startEmulator({ port: port.port, idMerge: system.idMerge })
    print(`mp emulator listening on ${emulator.url}`)
    print(`identity: ${SYSTEMS[system.idMerge]}`)
    return { ok: true, emulator }
  } catch (error) {
    return { ok: false, error: `cannot listen on port ${port.port}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
