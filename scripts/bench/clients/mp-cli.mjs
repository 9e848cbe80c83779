// mp's command line, `mp import events <file>`, run in this process through its entry function
// (`runMp`, what the `mp` bin calls) on the NDJSON file the parent generated: read, parse, check,
// content insert ids, chunks of 2000, gzip, 4 in flight, a checkpoint, `--json` summary. With
// `dryRun: true` it is `mp import events --dry-run` (no network).
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { runMp } from '@mp/cli'
import { measure, params } from '../measure.mjs'
import { API_SECRET, TOKEN } from '../workload.mjs'

const { port, file, dryRun = false } = params()

const collector = () => {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString()
      done()
    },
  })
  return { stream, text: () => text }
}

await measure(
  () => join(tmpdir(), `mp-bench-${process.pid}.checkpoint.json`),
  async (checkpoint) => {
    const stdout = collector()
    const stderr = collector()
    const argv = ['import', 'events', file, '--host', `http://127.0.0.1:${port}`, '--json', '--quiet', ...(dryRun ? ['--dry-run'] : ['--checkpoint', checkpoint])]
    const code = await runMp(argv, {
      stdout: stdout.stream,
      stderr: stderr.stream,
      stdin: process.stdin,
      env: { MP_TOKEN: TOKEN, MP_API_SECRET: API_SECRET },
      cwd: process.cwd(),
      onInterrupt: () => () => undefined,
    })
    rmSync(checkpoint, { force: true })
    const summary = code === 0 ? JSON.parse(stdout.text()) : undefined
    if (summary === undefined) return { delivered: 0, errors: 1, note: `exit ${code}: ${stderr.text().trim().slice(-300)}` }
    return { delivered: dryRun ? summary.valid : summary.imported, errors: 0 }
  },
)
