// The OpenFeature smoke program as a workerd module (bundled by rollup; needs the nodejs_compat flag,
// because @openfeature/server-sdk imports node:events and async_hooks). Remote mode, and local mode
// without polling: a Worker has no long-lived process for polling timers to run in.
import { runOpenFeatureSmoke } from './openfeature-lib.mjs'

export default {
  async fetch(request) {
    const params = new URL(request.url).searchParams
    const url = params.get('url')
    if (url === null) return new Response('missing ?url=', { status: 400 })
    const result = await runOpenFeatureSmoke({ url, runId: params.get('run') ?? 'workerd', local: true, polling: false })
    return Response.json(result, { status: result.ok ? 200 : 500 })
  },
}
