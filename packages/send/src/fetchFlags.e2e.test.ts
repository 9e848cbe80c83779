import { either as E } from 'fp-ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '@mp/emulator'
import { fetchFlags } from './fetchFlags.ts'
import { account, API_SECRET, expectNoSecrets, PROJECT_ID, SA_SECRET, SA_USER, TOKEN } from './test-fixtures.ts'

// End to end against @mp/emulator's flag routes.
let emu: Emulator
const definitions = [{ key: 'beta', ruleset: {} }]
beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    credentials: { token: TOKEN, apiSecret: API_SECRET, serviceAccount: { username: SA_USER, secret: SA_SECRET, projectId: PROJECT_ID } },
    flags: { definitions, evaluate: (_, context) => (context['distinct_id'] === 'u1' ? { variant_key: 'on', variant_value: true } : null) },
  })
})
afterAll(async () => emu.stop())

describe('fetchFlags × emulator', () => {
  it('reads definitions with the token as Basic user', async () => {
    expect(await fetchFlags({ token: TOKEN, host: emu.url })({ path: '/flags/definitions', query: {} })()).toStrictEqual(E.right({ flags: definitions }))
  })
  it('evaluates remotely with the service account and project_id', async () => {
    const get = fetchFlags({ token: TOKEN, host: emu.url, serviceAccount: account() })
    expect(await get({ path: '/flags', query: { context: JSON.stringify({ distinct_id: 'u1' }) } })()).toStrictEqual(
      E.right({ code: 200, flags: { beta: { variant_key: 'on', variant_value: true } } }),
    )
    expect(emu.requests().at(-1)?.query).toMatchObject({ token: TOKEN, project_id: PROJECT_ID })
  })
  it('answers the 400 for a context without distinct_id as an HttpError, not retried', async () => {
    const before = emu.requests().length
    const result = await fetchFlags({ token: TOKEN, host: emu.url, serviceAccount: account() })({ path: '/flags', query: { context: '{}' } })()
    expect(result).toMatchObject(E.left({ _tag: 'HttpError', status: 400, attempts: 1 }))
    if (E.isLeft(result)) expectNoSecrets(result.left)
    expect(emu.requests().length - before).toBe(1)
  })
})
