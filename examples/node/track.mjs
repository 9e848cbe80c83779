// Node (20+): track one event and print the receipt. Plain ESM, no bundler.
//   MIXPANEL_TOKEN=... node examples/node/track.mjs
// MIXPANEL_HOST points it elsewhere (the runtime matrix uses the emulator on 127.0.0.1).
import { track } from '@mp/events'

const { MIXPANEL_TOKEN = 'YOUR_TOKEN', MIXPANEL_HOST, EXAMPLE_USER = 'user_1' } = process.env
const config = { token: MIXPANEL_TOKEN, ...(MIXPANEL_HOST ? { host: MIXPANEL_HOST } : {}) }

// `track(config)(input)` is a lazy TaskEither: calling it sends, and it resolves to Left or Right, never rejects.
const result = await track(config)({ distinctId: EXAMPLE_USER, event: 'signup', properties: { plan: 'pro', runtime: `node ${process.version}` } })()

if (result._tag === 'Left') {
  console.error(`not sent: ${result.left._tag}: ${result.left.message}`)
  process.exitCode = 1
} else {
  console.log('sent', result.right)
}
