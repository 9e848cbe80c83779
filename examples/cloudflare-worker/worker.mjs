// Cloudflare Worker: answer at once, deliver the event after the response with ctx.waitUntil.
// Deploy with wrangler (see wrangler.toml); MIXPANEL_TOKEN is a secret, MIXPANEL_HOST an optional var.
// Identity the Simplified ID Merge way (the default for new projects): every visitor keeps a device id
// in a cookie, and once the visitor is known (here: ?user=…) the event carries both ids, which links them.
import { track } from '@mp/events'

const DEVICE_COOKIE = /(?:^|;\s*)mp_device=([\w-]{1,64})/

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url)
    const config = { token: env.MIXPANEL_TOKEN, ...(env.MIXPANEL_HOST ? { host: env.MIXPANEL_HOST } : {}) }
    const deviceId = DEVICE_COOKIE.exec(request.headers.get('cookie') ?? '')?.[1] ?? crypto.randomUUID()
    const userId = url.searchParams.get('user')
    const send = track(config)({
      deviceId,
      ...(userId ? { userId } : {}),
      event: 'page_view',
      properties: { path: url.pathname },
    })
    // The TaskEither never rejects, so waitUntil always settles; a failure is logged, not thrown.
    ctx.waitUntil(send().then((result) => result._tag === 'Left' && console.error(`mixpanel: ${result.left._tag}: ${result.left.message}`)))
    const cookie = `mp_device=${deviceId}; Path=/; Max-Age=31536000; HttpOnly; Secure; SameSite=Lax`
    return new Response('ok\n', { status: 202, headers: { 'set-cookie': cookie } })
  },
}
