/** The part of `node:crypto` used here. */
interface NodeCrypto {
  readonly createHash: (algorithm: 'sha256') => { update: (text: string) => { digest: (encoding: 'hex') => string } }
}

// Node's hash answers synchronously and costs a tenth of `crypto.subtle.digest` per call, which
// adds up when importEvents hashes every event. `getBuiltinModule` (Node 20.16+, Bun, Deno) reaches
// it without a static `node:crypto` import, which edge bundlers would refuse.
const nodeCrypto = (): NodeCrypto | undefined =>
  (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits, from the platform: Node's
 * `crypto.createHash` where there is one, Web Crypto's `crypto.subtle.digest` elsewhere (workerd,
 * browsers). Async because `digest` is.
 * @example
 * await sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export const sha256Hex = async (text: string): Promise<string> => {
  const node = nodeCrypto()
  if (node !== undefined) return node.createHash('sha256').update(text).digest('hex')
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}
