import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { serviceAccount } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { importData } from './importData.ts'
import { leftOf, rightOf } from './test-either.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, credentials: { apiSecret: 'api-secret-1', serviceAccount: { username: 'sa.user', secret: 'sa-secret-1', projectId: '42' } } })

const timestamp = Math.floor(Date.now() / 1000) - 30 * 86_400
const input = { distinctId: 'user_1', event: 'signup', timestamp, properties: { $insert_id: 'imp-1' } }

describe('importData (end to end against the emulator)', () => {
  it('imports with the API secret as Basic auth and strict=1', async () => {
    const receipt = rightOf(await importData({ token: 'TOKEN', host: emu.url, apiSecret: 'api-secret-1' })(input)())
    expect(receipt).toMatchObject({ endpoint: '/import', records: 1, imported: 1 })
    const [request] = emu.requests()
    expect(request).toMatchObject({ path: '/import', status: 200, query: { strict: '1' } })
    expect(request?.headers['authorization']).toBe(`Basic ${Buffer.from('api-secret-1:').toString('base64')}`)
    expect(emu.events()).toEqual([expect.objectContaining({ endpoint: '/import', event: 'signup', distinctId: 'user_1' })])
    expect(emu.events()[0]?.properties['time']).toBe(timestamp)
  })

  it('imports with a service account and its project id', async () => {
    const sa = rightOf(serviceAccount('sa.user', 'sa-secret-1', '42'))
    rightOf(await importData({ token: 'TOKEN', host: emu.url, serviceAccount: sa })(input)())
    expect(emu.requests()[0]).toMatchObject({ query: { strict: '1', project_id: '42' } })
    expect(emu.requests()[0]?.headers['authorization']).toBe(`Basic ${Buffer.from('sa.user:sa-secret-1').toString('base64')}`)
  })

  it('stores a re-imported event once', async () => {
    const send = importData({ token: 'TOKEN', host: emu.url, apiSecret: 'api-secret-1' })
    rightOf(await send(input)())
    rightOf(await send(input)())
    expect(emu.events()).toHaveLength(1)
    expect(emu.stats().duplicates).toBe(1)
  })

  it('is refused (401) with a wrong secret, which never shows in the error', async () => {
    const error = leftOf(await importData({ token: 'TOKEN', host: emu.url, apiSecret: 'wrong-secret-9' })(input)())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 401 })
    expect(JSON.stringify(error)).not.toContain('wrong-secret-9')
    expect(emu.events()).toHaveLength(0)
  })

  it('needs a secret: without one it is a ConfigError and nothing is sent', async () => {
    expect(leftOf(await importData({ token: 'TOKEN', host: emu.url })(input)())._tag).toBe('ConfigError')
    expect(emu.requests()).toHaveLength(0)
  })

  it('sends nothing for a timestamp outside 1971..now+1h', async () => {
    expect(leftOf(await importData({ token: 'TOKEN', host: emu.url, apiSecret: 'api-secret-1' })({ ...input, timestamp: 0 })())).toMatchObject({
      _tag: 'ValidationError',
      path: 'timestamp',
    })
    expect(emu.requests()).toHaveLength(0)
  })
})
