import { gunzipSync } from 'node:zlib'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { JsonObject } from '@mp/core'
import { encodeBody } from './encodeBody.ts'

const records = [{ event: 'signup', properties: { distinct_id: 'u1', n: 1, ok: true, tags: ['a', 'é'] } }]

describe('encodeBody', () => {
  it('writes a JSON array', async () => {
    expect(await encodeBody(records, false)()).toStrictEqual(E.right({ body: JSON.stringify(records), gzip: false }))
  })
  it('gzips when asked, and the bytes gunzip back to the same JSON', async () => {
    const result = await encodeBody(records, true)()
    if (E.isLeft(result)) throw new Error('expected Right')
    expect(result.right.gzip).toBe(true)
    const bytes = result.right.body
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(JSON.parse(gunzipSync(bytes as Uint8Array).toString('utf8'))).toStrictEqual(records)
  })
  it('refuses records that cannot become JSON with a ValidationError, not a throw', async () => {
    const cyclic: Record<string, unknown> = { event: 'x' }
    cyclic['self'] = cyclic
    const big = { n: 10n } as unknown as JsonObject
    for (const bad of [cyclic as JsonObject, big]) {
      const result = await encodeBody([bad], true)()
      expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
    }
  })
})
