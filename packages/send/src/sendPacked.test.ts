import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { normalizeConfig, type ResolvedConfig } from '@mp/core'
import { packTexts } from './packedRecords.ts'
import { sendPacked } from './send.ts'

// sendPacked is the queue's way out: records held as the UTF-8 of their JSON, sent as the packed array.

const texts = ['{"event":"a","properties":{"distinct_id":"u1"}}', '{"event":"b","properties":{"distinct_id":"u2"}}', '{"event":"c","properties":{"distinct_id":"u3"}}']

const resolvedWith = (answer: (body: string) => Response): { readonly config: ResolvedConfig; readonly bodies: string[]; readonly urls: string[] } => {
  const bodies: string[] = []
  const urls: string[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    urls.push(request.url)
    const body = await request.text()
    bodies.push(body)
    return answer(body)
  }
  const config = normalizeConfig({ token: 'tok', apiSecret: 'shh-secret', host: 'http://127.0.0.1:9', fetch, retry: { limit: 0 } })
  if (E.isLeft(config)) throw new Error(config.left.message)
  return { config: config.right, bodies, urls }
}

describe('sendPacked', () => {
  it('posts the texts joined as one JSON array to the endpoint, and counts them in the receipt', async () => {
    const { config, bodies, urls } = resolvedWith(() => new Response('{"error":null,"status":1}'))
    const receipt = await sendPacked(config)('/track', 'token', packTexts(texts))()
    expect(receipt).toStrictEqual(E.right({ endpoint: '/track', records: 3, attempts: 1 }))
    expect(bodies).toEqual([`[${texts.join(',')}]`])
    expect(JSON.parse(bodies[0] as string)).toHaveLength(3)
    expect(urls).toEqual(['http://127.0.0.1:9/track?verbose=1&ip=0'])
  })

  it("maps strict /import's failed_records of a half back to indices in the whole batch", async () => {
    // The first body is too large; the second half's middle record is refused.
    const { config, bodies } = resolvedWith((body) => {
      const records = JSON.parse(body) as unknown[]
      if (records.length > 2) return new Response('too large', { status: 413 })
      if (records.length === 1) return new Response('{"code":200,"num_records_imported":1,"status":"OK"}')
      return new Response(
        JSON.stringify({ code: 400, num_records_imported: 1, failed_records: [{ index: 1, insert_id: 'x', field: 'properties.time', message: 'bad time' }] }),
        { status: 400 },
      )
    })
    const result = await sendPacked(config)('/import', 'secret', packTexts(texts))()
    expect(bodies).toEqual([`[${texts.join(',')}]`, `[${texts[0]},${texts[1]}]`, `[${texts[2]}]`])
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'RecordsRejected', imported: 2, failed: [{ index: 1, field: 'properties.time' }] })
  })

  it('refuses a secret request without credentials before sending anything', async () => {
    const bodies: string[] = []
    const config = normalizeConfig({ token: 'tok', host: 'http://127.0.0.1:9', fetch: async () => (bodies.push('sent'), new Response('1')) })
    if (E.isLeft(config)) throw new Error(config.left.message)
    const result = await sendPacked(config.right)('/import', 'secret', packTexts(texts))()
    expect(E.isLeft(result) && result.left._tag).toBe('ConfigError')
    expect(bodies).toEqual([])
  })

  it('sends the exact UTF-8 of the joined texts, whatever characters they hold and wherever, and halves them between records', async () => {
    const wide = ['é', '€', '😀', 'ü€😀']
    const batches = [
      texts,
      [texts[0] as string],
      ...wide.flatMap((w) => [0, 1, 2].map((at) => texts.map((t, i) => (i === at ? t.replace('"a"', `"${w}"`).replace('"b"', `"${w}"`).replace('"c"', `"${w}"`) : t)))),
      // Wider characters early take the room later texts were given: the overflow shows only at the end.
      [texts[0]?.replace('"a"', '"😀😀😀😀"') as string, texts[1] as string, texts[2] as string],
    ]
    for (const batch of batches) {
      const { config, bodies } = resolvedWith(() => new Response('{"error":null,"status":1}'))
      expect(E.isRight(await sendPacked(config)('/track', 'token', packTexts(batch))())).toBe(true)
      expect(bodies).toEqual([`[${batch.join(',')}]`])
      expect(JSON.parse(bodies[0] as string)).toStrictEqual(batch.map((t) => JSON.parse(t)))
      // A 413 cuts the packed body between two records, whatever their characters.
      const halving = resolvedWith((body) => ((JSON.parse(body) as unknown[]).length > 1 ? new Response('too large', { status: 413 }) : new Response('{"error":null,"status":1}')))
      expect(E.isRight(await sendPacked(halving.config)('/track', 'token', packTexts(batch))())).toBe(true)
      expect(halving.bodies.filter((body) => (JSON.parse(body) as unknown[]).length === 1)).toEqual(batch.map((t) => `[${t}]`))
    }
  })

  it('sends the same bytes gzipped when the config asks for gzip', async () => {
    const seen: { encoding: string | null; json: string }[] = []
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init)
      const zipped = new Response(request.body).body?.pipeThrough(new DecompressionStream('gzip'))
      seen.push({ encoding: request.headers.get('Content-Encoding'), json: await new Response(zipped).text() })
      return new Response('{"error":null,"status":1}')
    }
    const config = normalizeConfig({ token: 'tok', host: 'http://127.0.0.1:9', fetch, gzip: true })
    if (E.isLeft(config)) throw new Error(config.left.message)
    expect(E.isRight(await sendPacked(config.right)('/track', 'token', packTexts(texts))())).toBe(true)
    expect(seen).toEqual([{ encoding: 'gzip', json: `[${texts.join(',')}]` }])
  })
})

