import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { readCredentials } from './readCredentials.ts'

describe('readCredentials', () => {
  it('takes flags over the environment, and knows whether /import has a secret', () => {
    const env = { MP_TOKEN: 'env-token', MP_API_SECRET: 'env-secret' }
    expect(readCredentials({ token: 'flag-token', region: 'eu' }, env, { gzip: true })).toEqual(
      E.right({ config: { gzip: true, token: 'flag-token', apiSecret: 'env-secret', region: 'eu' }, hasSecret: true, warnings: [] }),
    )
    expect(readCredentials({}, { MP_TOKEN: 't' }, {})).toEqual(E.right({ config: { token: 't' }, hasSecret: false, warnings: [] }))
  })

  it('builds a service account from its three parts, and names the missing ones', () => {
    const env = { MP_TOKEN: 't', MP_SERVICE_ACCOUNT_USERNAME: 'bot', MP_SERVICE_ACCOUNT_SECRET: 'sa-secret', MP_PROJECT_ID: '42' }
    const read = readCredentials({}, env, {})
    expect(read).toMatchObject({ _tag: 'Right', right: { hasSecret: true, config: { serviceAccount: { username: 'bot', projectId: '42' } } } })
    expect(JSON.stringify(read)).not.toContain('sa-secret')
    expect(readCredentials({ projectId: '42' }, { MP_TOKEN: 't', MP_SERVICE_ACCOUNT_SECRET: 'x' }, {})).toEqual(
      E.left('a service account needs a username, a secret and a project id; missing MP_SERVICE_ACCOUNT_USERNAME (--service-account-username)'),
    )
  })

  it('warns when a secret comes as a flag, without repeating it', () => {
    const read = readCredentials({ token: 't', apiSecret: 'S3CR3T-FLAG' }, {}, {})
    expect(read).toMatchObject({ _tag: 'Right', right: { warnings: [expect.stringContaining('--api-secret on the command line lands in your shell history')] } })
    expect(JSON.stringify(E.isRight(read) ? read.right.warnings : [])).not.toContain('S3CR3T-FLAG')
  })

  it('answers what to change: no token, a bad region or host', () => {
    expect(readCredentials({}, {}, {})).toEqual(E.left('no project token: pass --token or set MP_TOKEN'))
    expect(readCredentials({ region: 'mars' }, { MP_TOKEN: 't' }, {})).toEqual(E.left("--region: must be 'us', 'eu' or 'in'"))
    expect(readCredentials({ host: 'http://10.0.0.1:80' }, { MP_TOKEN: 't' }, {})).toMatchObject({ _tag: 'Left', left: expect.stringMatching(/^--host: plain http to 10\.0\.0\.1/) })
  })
})
