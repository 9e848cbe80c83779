import { afterAll, beforeAll, beforeEach, describe, it, expect } from 'vitest'
import { either as E } from 'fp-ts'
import { emulatorPerFile } from '@mp/emulator'
import { alias, identify, merge } from '@mp/identity'

const TOKEN = 'tok_identity'
const API_SECRET = 'api-secret-0f9e8d'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original', credentials: { apiSecret: API_SECRET } })

const calls = (idMerge: 'simplified' | 'original' | undefined) => {
  const config = { token: TOKEN, host: emu.url, apiSecret: API_SECRET, ...(idMerge === undefined ? {} : { idMerge }) }
  return [
    ['alias', alias(config)({ aliasId: 'user_67890', original: 'anonymous_12345' })],
    ['merge', merge(config)({ distinctId1: 'user_67890', distinctId2: 'ada@example.com' })],
    ['identify', identify(config)({ identifiedId: 'user_67890', anonId: 'anonymous_12345' })],
  ] as const
}

describe("alias, merge and identify with idMerge: 'simplified'", () => {
  it('answer a ConfigError on idMerge that says what to do instead, and send nothing', async () => {
    for (const [verb, task] of calls('simplified')) {
      const result = await task()
      expect(result).toStrictEqual(
        E.left({
          _tag: 'ConfigError',
          path: 'idMerge',
          field: 'idMerge',
          message: `${verb} does nothing on a Simplified ID Merge project: to link ids, track the signup or login event with both deviceId and userId. Nothing was sent.`,
        }),
      )
    }
    expect(emu.requests()).toHaveLength(0)
  })

  it('refuses even an input that would be invalid: the project system is the first problem', async () => {
    const result = await alias({ token: TOKEN, host: emu.url, idMerge: 'simplified' })({ aliasId: 'anon', original: 'anon' })()
    expect(E.isLeft(result) && result.left._tag).toBe('ConfigError')
  })
})

describe("alias, merge and identify with idMerge: 'original' or absent", () => {
  it.each(['original', undefined] as const)('are sent as before (idMerge %s)', async (idMerge) => {
    for (const [verb, task] of calls(idMerge)) expect(E.isRight(await task()), verb).toBe(true)
    expect(emu.requests().map((r) => r.records[0]?.['event'])).toStrictEqual(['$create_alias', '$merge', '$identify'])
  })

  it('still answer the ConfigError of a bad config, idMerge included', async () => {
    const result = await alias({ token: TOKEN, host: emu.url, idMerge: 'legacy' as never })({ aliasId: 'u', original: 'a' })()
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'ConfigError', path: 'idMerge', field: 'idMerge' })
    expect(emu.requests()).toHaveLength(0)
  })
})
