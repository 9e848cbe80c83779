// `node --import ./scripts/ts/register.mjs some.ts`: runs the workspace's TypeScript sources under
// Node 20 (which cannot strip types) without a build: the hooks in hooks.mjs resolve @mp/* packages
// to their sources (the `@mp/source` condition, as vitest does) and transpile each .ts file on load.
// Used by `pnpm mp` and by the CLI tests that run `mp` as a real process.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
