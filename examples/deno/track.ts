// Deno: track one event, Promise style. With the packages from npm, import 'npm:@mp/events' and 'npm:@mp/core'.
//   MIXPANEL_TOKEN=... deno run --allow-net --allow-env examples/deno/track.ts
import { track } from '@mp/events'
import { MixpanelException, toPromise } from '@mp/core'

declare const Deno: { env: { get(name: string): string | undefined }; exit(code: number): never; version: { deno: string } }

const host = Deno.env.get('MIXPANEL_HOST')
const config = { token: Deno.env.get('MIXPANEL_TOKEN') ?? 'YOUR_TOKEN', ...(host ? { host } : {}) }

try {
  // toPromise turns the TaskEither into a Promise that rejects with a MixpanelException carrying the tagged error.
  const receipt = await toPromise(
    track(config)({ distinctId: Deno.env.get('EXAMPLE_USER') ?? 'user_1', event: 'signup', properties: { runtime: `deno ${Deno.version.deno}` } }),
  )
  console.log('sent', receipt)
} catch (error) {
  console.error(error instanceof MixpanelException ? `not sent: ${error.error._tag}: ${error.message}` : error)
  Deno.exit(1)
}
