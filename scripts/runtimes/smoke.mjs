// CLI wrapper of the smoke program for Node, Deno and Bun:
//   <runtime> scripts/runtimes/smoke.mjs <emulator-url> <run-id>
// (MP_EMULATOR_URL / MP_RUN_ID work too). Prints one `SMOKE_RESULT <json>` line and exits 0 on success.
import { runSmoke } from './smoke-lib.mjs'

const args = globalThis.Deno?.args ?? globalThis.process.argv.slice(2)
const env = (name) => globalThis.Deno?.env.get(name) ?? globalThis.process?.env[name]
const url = args[0] ?? env('MP_EMULATOR_URL')
const runId = args[1] ?? env('MP_RUN_ID') ?? 'smoke'
const exit = (code) => (globalThis.Deno ? globalThis.Deno.exit(code) : globalThis.process.exit(code))

if (url === undefined) {
  console.error('usage: smoke.mjs <emulator-url> [run-id]')
  exit(2)
}

// Which file each public package resolved to: the matrix must exercise the built dist, not the sources.
const resolved = Object.fromEntries(
  ['@mp/identity', '@mp/events', '@mp/queue', '@mp/send', '@mp/core'].map((name) => {
    try {
      return [name, import.meta.resolve(name)]
    } catch (error) {
      return [name, `unresolved: ${error instanceof Error ? error.message : String(error)}`]
    }
  }),
)
const result = await runSmoke({ url, runId })
console.log(`SMOKE_RESULT ${JSON.stringify({ ...result, resolved })}`)
exit(result.ok ? 0 : 1)
