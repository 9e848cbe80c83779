// The smoke program as a workerd (Cloudflare Workers) module. rollup bundles it with every dependency
// (rollup.config.mjs `workerConfig`); the matrix calls GET /?url=<emulator>&run=<id> and reads the JSON.
import { runSmoke } from './smoke-lib.mjs'

export default {
  async fetch(request) {
    const params = new URL(request.url).searchParams
    const url = params.get('url')
    if (url === null) return new Response('missing ?url=', { status: 400 })
    const result = await runSmoke({ url, runId: params.get('run') ?? 'workerd' })
    return Response.json(result, { status: result.ok ? 200 : 500 })
  },
}
