import { inspect } from 'node:util'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { serviceAccount } from './serviceAccount.ts'

describe('serviceAccount', () => {
  it('trims and keeps the values', () => {
    const r = serviceAccount(' test-user ', ' test-secret ', ' 123456 ')
    if (E.isLeft(r)) throw new Error(r.left.message)
    expect(r.right.username).toBe('test-user')
    expect(r.right.secret).toBe('test-secret')
    expect(r.right.projectId).toBe('123456')
  })

  it('never prints the secret: JSON, String, util.inspect, template literals, key listing', () => {
    const r = serviceAccount('test-user', 'test-secret', '123456')
    if (E.isLeft(r)) throw new Error(r.left.message)
    const sa = r.right
    for (const printed of [JSON.stringify(sa), String(sa), `${sa}`, inspect(sa), inspect({ nested: { sa } }), Object.keys(sa).join()]) {
      expect(printed).not.toContain('test-secret')
    }
    expect(JSON.parse(JSON.stringify(sa))).toEqual({ username: 'test-user', projectId: '123456', secret: '***' })
    expect(inspect(sa)).toContain('test-user')
  })

  // mixpanel-python checks types first (in field order), then emptiness.
  it.each([
    [[1, 's', 'p'], 'serviceAccount.username', 'must be a string'],
    [['u', null, 'p'], 'serviceAccount.secret', 'must be a string'],
    [['u', 's', 123456], 'serviceAccount.projectId', 'must be a string'],
    [['', 's', 7], 'serviceAccount.projectId', 'must be a string'],
    [['  ', 's', 'p'], 'serviceAccount.username', 'must not be empty'],
    [['u', '', 'p'], 'serviceAccount.secret', 'must not be empty'],
    [['u', 's', '\t'], 'serviceAccount.projectId', 'must not be empty'],
  ])('refuses %j', (args, field, reason) => {
    const r = serviceAccount(...(args as [unknown, unknown, unknown]))
    expect(r).toEqual(E.left({ _tag: 'ConfigError', path: field, field, message: `Invalid config.${field}: ${reason}` }))
  })
})
