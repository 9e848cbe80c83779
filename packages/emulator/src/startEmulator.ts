import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createEmulatorState, type EmulatorState } from './createEmulatorState.ts'
import { faultReply } from './faultReply.ts'
import { parseRequest, type ParsedRequest } from './parseRequest.ts'
import { reply, type Reply } from './reply.ts'
import { readBody } from './readBody.ts'
import { route } from './route.ts'
import { stateView } from './stateView.ts'
import type { Emulator, EmulatorOptions } from './types.ts'

const write = (response: ServerResponse, answer: Reply): void => {
  if (response.headersSent || response.destroyed) return
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) })
  response.end(body)
}

const internal = (state: EmulatorState, request: ParsedRequest): Reply => {
  if (request.path === '/_emulator/state' && request.method === 'GET') return reply(200, 'json', stateView(state))
  if (request.path === '/_emulator/reset' && request.method === 'POST') {
    state.reset()
    return reply(200, 'json', '{"ok":true}')
  }
  return reply(404, 'text', 'Not Found')
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host)

/**
 * Starts a local, contract-faithful Mixpanel ingestion server on 127.0.0.1 (a random port by
 * default). Its `url` is what `Config.host` takes. It emulates a project on Simplified ID Merge
 * (what a new Mixpanel project gets) unless `idMerge: 'original'` is given. Rejects only when the
 * server cannot listen (port in use, bad host).
 * @example
 * const emu = await startEmulator({ port: 0 })
 * await fetch(`${emu.url}/track?verbose=1`, { method: 'POST', body: JSON.stringify([{ event: 'Signed up', properties: { token: 't', distinct_id: 'u' } }]) })
 * emu.events()[0]?.event // 'Signed up'
 * await emu.stop()
 */
export const startEmulator = async (given: EmulatorOptions = {}): Promise<Emulator> => {
  const options: EmulatorOptions = typeof given === 'object' && given !== null ? given : {}
  const state = createEmulatorState(options)
  const sockets = new Set<Socket>()
  const waiting = new Set<() => void>()
  let stopping: Promise<void> | undefined

  // Resolves true after `ms`, or false as soon as the emulator stops.
  const delay = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer)
        waiting.delete(wake)
        resolve(false)
      }
      const timer = setTimeout(() => {
        waiting.delete(wake)
        resolve(true)
      }, Math.max(0, ms))
      waiting.add(wake)
    })

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { body, overflow } = await readBody(incoming, state.maxBytes)
    const request = parseRequest({
      method: incoming.method ?? 'GET',
      url: incoming.url ?? '/',
      headers: incoming.headers,
      body,
      overflow,
      maxBytes: state.maxBytes,
    })
    if (request.path.startsWith('/_emulator/')) return write(response, internal(state, request))
    const entry = state.logRequest(request)
    const fault = state.faults.take(request.path)
    if (fault !== undefined) entry.fault = fault.kind
    if (fault?.kind === 'hang') return
    if (fault?.kind === 'reset' && fault.when === 'before') {
      incoming.socket.destroy()
      return
    }
    if (fault?.kind === 'status') {
      const answer = faultReply(fault, state.maxBytes)
      entry.status = answer.status
      entry.response = String(answer.body)
      return write(response, answer)
    }
    if (fault?.kind === 'latency' && !(await delay(fault.ms))) return
    const answer = route(state, request)
    if (fault?.kind === 'reset') {
      incoming.socket.destroy()
      return
    }
    entry.status = answer.status
    entry.response = typeof answer.body === 'string' ? answer.body : answer.body.toString('base64')
    write(response, answer)
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => write(response, reply(500, 'text', 'emulator error')))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://${urlHost(host)}:${port}`,
    idMerge: state.idMerge,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        for (const wake of [...waiting]) wake()
        server.close(() => resolve())
        // Hung requests and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      })),
    reset: state.reset,
    setFlagDefinitions: (definitions) => {
      state.flagDefinitions = Array.isArray(definitions) ? [...(definitions as ReadonlyArray<unknown>)] : []
    },
    events: state.events,
    eventsFor: state.eventsFor,
    profiles: () => state.profileStore.snapshot(),
    profile: (id) => state.profileStore.get(state.profileKey(id)),
    groups: () => state.groupStore.snapshot(),
    group: (groupKey, groupId) => state.groupStore.get(`${groupKey}/${groupId}`),
    identities: state.identity.clusters,
    canonicalId: state.identity.canonicalId,
    ignoredIdentityEvents: state.ignoredIdentityEvents,
    requests: state.requests,
    stats: state.stats,
    faults: {
      next: state.faults.next,
      random: state.faults.random,
      clear: state.faults.clear,
    },
  }
}
