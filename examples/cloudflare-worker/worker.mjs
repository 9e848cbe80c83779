// Cloudflare Worker: answer at once, deliver the event after the response with ctx.waitUntil.
// Deploy with wrangler (see wrangler.toml); MIXPANEL_TOKEN is a secret, MIXPANEL_HOST an optional var.
import { track } from '@mp/events'

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url)
    const config = { token: env.MIXPANEL_TOKEN, ...(env.MIXPANEL_HOST ? { host: env.MIXPANEL_HOST } : {}) }
    const send = track(config)({
      distinctId: url.searchParams.get('user') ?? 'anonymous',
      event: 'page_view',
      properties: { path: url.pathname },
    })
    // The TaskEither never rejects, so waitUntil always settles; a failure is logged, not thrown.
    ctx.waitUntil(send().then((result) => result._tag === 'Left' && console.error(`mixpanel: ${result.left._tag}: ${result.left.message}`)))
    return new Response('ok\n', { status: 202 })
  },
}
