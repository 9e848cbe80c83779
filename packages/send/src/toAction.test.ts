import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it } from 'vitest'
import { request, validationError, type Config } from '@mp/core'
import { startTestServer, type TestServer } from './test-server.ts'
import { toAction, toImportAction, type Builder } from './toAction.ts'
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

describe('toAction and toImportAction: credentials', () => {
  const buildImport: Builder<{ readonly id: string }> = (input) =>
    E.right(request('/import', 'secret', [{ event: 'ping', properties: { token: input.token, distinct_id: input.id, time: 1, $insert_id: 'abc' } }]))

  it('toAction neither reads nor checks credentials: its requests never carry them', async () => {
    server = await startTestServer(() => ({ status: 200, body: '1' }))
    let read = 0
    const config = { token: TOKEN, host: server.url, apiSecret: 42, get serviceAccount() { return (read += 1), 'not an account' } } as unknown as Config
    expect(await ping(config)({ id: 'u1' })()).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(read).toBe(0)
    expect(server.received[0]?.headers.authorization).toBeUndefined()
  })
  it('toAction refuses a builder whose request needs a secret, sending nothing', async () => {
    server = await startTestServer(() => ({ status: 200, body: '1' }))
    expect(await toAction(buildImport)({ token: TOKEN, host: server.url, apiSecret: 's' })({ id: 'u1' })()).toMatchObject(E.left({ _tag: 'ValidationError', path: 'request' }))
    expect(server.received).toHaveLength(0)
  })
  it('toImportAction checks the credentials with the config and authenticates /import with them', async () => {
    server = await startTestServer(() => ({ status: 200, body: '{"code":200,"num_records_imported":1,"status":"OK"}' }))
    const importPing = toImportAction(buildImport)
    expect(await importPing({ token: TOKEN, host: server.url, apiSecret: 42 as never })({ id: 'u1' })()).toMatchObject(E.left({ _tag: 'ConfigError', field: 'apiSecret' }))
    expect(await importPing({ token: TOKEN, host: server.url })({ id: 'u1' })()).toMatchObject(E.left({ _tag: 'ConfigError', field: 'apiSecret' }))
    expect(server.received).toHaveLength(0)
    expect(await importPing({ token: TOKEN, host: server.url, apiSecret: 's3cret' })({ id: 'u1' })()).toStrictEqual(E.right({ endpoint: '/import', records: 1, attempts: 1, imported: 1 }))
    expect(server.received[0]?.headers.authorization).toBe(`Basic ${Buffer.from('s3cret:').toString('base64')}`)
  })
})
