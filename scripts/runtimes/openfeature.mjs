// CLI wrapper of the OpenFeature smoke program for Node, Deno and Bun:
//   <runtime> scripts/runtimes/openfeature.mjs <emulator-url> <run-id>
// Prints one `SMOKE_RESULT <json>` line and exits 0 on success.
import { runOpenFeatureSmoke } from './openfeature-lib.mjs'

const args = globalThis.Deno?.args ?? globalThis.process.argv.slice(2)
const exit = (code) => (globalThis.Deno ? globalThis.Deno.exit(code) : globalThis.process.exit(code))

if (args[0] === undefined) {
  console.error('usage: openfeature.mjs <emulator-url> [run-id]')
  exit(2)
}
const resolved = Object.fromEntries(
  ['@mp/openfeature', '@mp/flags'].map((name) => {
    try {
      return [name, import.meta.resolve(name)]
    } catch (error) {
      return [name, `unresolved: ${error instanceof Error ? error.message : String(error)}`]
    }
  }),
)
const result = await runOpenFeatureSmoke({ url: args[0], runId: args[1] ?? 'openfeature' })
console.log(`SMOKE_RESULT ${JSON.stringify({ ...result, resolved })}`)
exit(result.ok ? 0 : 1)
