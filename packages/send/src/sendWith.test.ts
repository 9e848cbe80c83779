import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it } from 'vitest'
import { configError, normalizeConfig, request } from '@mp/core'
import { sendWith } from './sendWith.ts'
import { startTestServer, type TestServer } from './test-server.ts'
import { TOKEN } from './test-fixtures.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const ping = request('/track', 'token', [{ event: 'ping', properties: { token: TOKEN, distinct_id: 'u1' } }])

describe('sendWith', () => {
  it('sends with a config normalised beforehand', async () => {
    server = await startTestServer(() => ({ status: 200, body: '1' }))
    expect(await sendWith(normalizeConfig({ token: TOKEN, host: server.url }))(ping)()).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(server.received).toHaveLength(1)
  })
  it('answers the config’s own error for every request, before looking at the request', async () => {
    const bad = E.left(configError('token', 'must be your project token, a non-empty string'))
    expect(await sendWith(bad)(ping)()).toStrictEqual(bad)
    expect(await sendWith(bad)(null as never)()).toStrictEqual(bad)
  })
  it('copies the records when the task is made, so later changes to the caller’s array are not sent', async () => {
    server = await startTestServer(() => ({ status: 200, body: '1' }))
    const records = [{ event: 'a', properties: { token: TOKEN, distinct_id: 'u1' } }]
    const task = sendWith(normalizeConfig({ token: TOKEN, host: server.url }))({ endpoint: '/track', auth: 'token', records })
    records.push({ event: 'b', properties: { token: TOKEN, distinct_id: 'u1' } })
    expect(await task()).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(JSON.parse(server.received[0]?.text ?? '')).toHaveLength(1)
  })
})
