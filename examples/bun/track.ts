// Bun: link an anonymous visitor to the account it signed up with, then track the signup. This is
// the Original ID Merge way (alias); on a Simplified ID Merge project (every project created since
// April 2024) alias links nothing, and idMerge: 'simplified' refuses it: track the signup with both
// ids instead, track(config)({ deviceId: 'anon-…', userId: EXAMPLE_USER, event: 'signup' }).
//   MIXPANEL_TOKEN=... bun examples/bun/track.ts
import { alias } from '@mp/identity'
import { track } from '@mp/events'

declare const Bun: { env: Record<string, string | undefined>; version: string }

const { MIXPANEL_TOKEN = 'YOUR_TOKEN', MIXPANEL_HOST, EXAMPLE_USER = 'user_1' } = Bun.env
// idMerge says which identity system the project is on (Project Settings → Identity Merge).
const config = { token: MIXPANEL_TOKEN, idMerge: 'original' as const, ...(MIXPANEL_HOST ? { host: MIXPANEL_HOST } : {}) }

// Each action is config-first and lazy: nothing is sent until the TaskEither is called.
const results = [
  await alias(config)({ aliasId: EXAMPLE_USER, original: `anon-${EXAMPLE_USER}` })(),
  await track(config)({ distinctId: EXAMPLE_USER, event: 'signup', properties: { runtime: `bun ${Bun.version}` } })(),
]
for (const result of results) console.log(result._tag === 'Right' ? result.right : `not sent: ${result.left._tag}: ${result.left.message}`)
if (results.some((r) => r._tag === 'Left')) process.exit(1)
