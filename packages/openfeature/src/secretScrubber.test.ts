import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { serviceAccount, type Config } from '@mp/core'
import { secretScrubber } from './secretScrubber.ts'

describe('secretScrubber', () => {
  it('masks the service-account secret and the API secret, plain and URL-encoded', () => {
    const account = serviceAccount('bot', 'sa s3cr/t', '42')
    if (E.isLeft(account)) throw new Error(account.left.message)
    const scrub = secretScrubber({ token: 'tok', apiSecret: 'api-S3CR3T', serviceAccount: account.right })
    expect(scrub('echo sa s3cr/t and sa%20s3cr%2Ft and api-S3CR3T')).toBe('echo *** and *** and ***')
  })

  it('leaves text alone when there is no secret, and never throws for a hostile config', () => {
    expect(secretScrubber({ token: 'tok' })('HTTP 500: tok')).toBe('HTTP 500: tok')
    expect(secretScrubber(undefined)('text')).toBe('text')
    const hostile = new Proxy({} as Config, {
      get: () => {
        throw new Error('trap')
      },
    })
    expect(secretScrubber(hostile)('text')).toBe('text')
  })
})
