import { describe, expect, it } from 'vitest'
import { missingSecret } from './missingSecret.ts'

describe('missingSecret', () => {
  it('names what needs the secret and both ways to give one', () => {
    expect(missingSecret('importEvents')).toStrictEqual({
      _tag: 'ConfigError',
      path: 'apiSecret',
      field: 'apiSecret',
      message: 'Invalid config.apiSecret: importEvents needs a secret: set serviceAccount or apiSecret in the config',
    })
  })
})
