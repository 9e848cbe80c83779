// mixpanel-import (npm, installed by the parent into .cache/bench/), its dry run on the NDJSON file
// the parent generated: what `npx mixpanel-import <file> --dry-run` does with the CLI's defaults
// (jsonl, 10 workers, no compression, no fixData), called through its module API in this process
// so that it is measured like mp. Logs and progress output are off. It has no host override, so a
// dry run (read, parse, batch, no network) is the only run both tools can make here.
import { createRequire } from 'node:module'
import { measure, params } from '../measure.mjs'
import { API_SECRET, TOKEN } from '../workload.mjs'

const { file, modulePath } = params()
const mixpanelImport = createRequire(import.meta.url)(modulePath)

await measure(
  () => undefined,
  async () => {
    const options = { recordType: 'event', dryRun: true, streamFormat: 'jsonl', workers: 10, compress: false, fixData: false, logs: false, verbose: false, showProgress: false }
    const summary = await mixpanelImport({ token: TOKEN, secret: API_SECRET }, file, options)
    const failed = summary.failed + summary.unparsable
    return { delivered: summary.total - failed, errors: failed, note: failed > 0 ? JSON.stringify(summary.errors) : undefined }
  },
)
