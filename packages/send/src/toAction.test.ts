import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it } from 'vitest'
import { request, validationError } from '@mp/core'
import { startTestServer, type TestServer } from './test-server.ts'
import { toAction, type Builder } from './toAction.ts'
import { TOKEN } from './test-fixtures.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const buildPing: Builder<{ readonly id: string }> = (input) =>
  typeof input.id === 'string'
    ? E.right(request('/track', 'token', [{ event: 'ping', properties: { token: input.token, distinct_id: input.id } }]))
    : E.left(validationError('id', 'must be a string'))
const ping = toAction(buildPing)

describe('toAction', () => {
  it('builds with the config token and sends', async () => {
    server = await startTestServer(() => ({ status: 200, body: '1' }))
    expect(await ping({ token: TOKEN, host: server.url })({ id: 'u1' })()).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(JSON.parse(server.received[0]?.text ?? '')).toStrictEqual([{ event: 'ping', properties: { token: TOKEN, distinct_id: 'u1' } }])
  })
  it('answers the builder’s error or a ConfigError without sending', async () => {
    server = await startTestServer(() => ({ status: 200, body: '1' }))
    expect(await ping({ token: TOKEN, host: server.url })({ id: 5 as unknown as string })()).toMatchObject(E.left({ _tag: 'ValidationError', path: 'id' }))
    expect(await ping({ token: '' })({ id: 'u1' })()).toMatchObject(E.left({ _tag: 'ConfigError' }))
    expect(server.received).toHaveLength(0)
  })
  it('does not throw for a hostile input', async () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom') } }) as { id: string }
    expect(await ping({ token: TOKEN })(hostile)()).toMatchObject(E.left({ _tag: 'ValidationError' }))
  })
})
