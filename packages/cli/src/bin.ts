#!/usr/bin/env node
// The `mp` executable: wires the process (streams, environment, signals) to runMp.
import { runMp } from './runMp.ts'

const listeners = new Set<() => void>()
let interrupts = 0
const interrupt = (): void => {
  interrupts++
  if (interrupts === 1) {
    for (const listener of [...listeners]) listener()
    return
  }
  // A second Ctrl-C: the user does not want to wait for the requests in flight.
  process.stderr.write('\nmp: stopped at once; records in flight may be sent again by the next run (Mixpanel stores them once)\n')
  process.exit(130)
}
process.on('SIGINT', interrupt)
process.on('SIGTERM', interrupt)

process.exitCode = await runMp(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  onInterrupt: (listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
})
process.off('SIGINT', interrupt)
process.off('SIGTERM', interrupt)
