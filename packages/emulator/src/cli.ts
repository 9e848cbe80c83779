#!/usr/bin/env node
// The `mp-emulator` / `pnpm emulator` entry point (`--port N`, `--id-merge simplified|original`): runs the
// emulator until SIGINT or SIGTERM.
import { runCli } from './runCli.ts'

const started = await runCli(process.argv.slice(2), process.env, (line) => console.log(line))
if (!started.ok) {
  console.error(`mp emulator: ${started.error}`)
  process.exit(1)
}
const shutdown = (): void => {
  void started.emulator.stop().then(() => process.exit(0))
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
