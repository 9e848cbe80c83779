import { randomUUID } from 'node:crypto'

/** Posts raw records to the emulator the way another SDK would, so identity tests do not depend on @mp/events or @mp/people. */
export const postRecords = async (baseUrl: string, path: '/track' | '/engage', records: ReadonlyArray<Record<string, unknown>>): Promise<string> => {
  const response = await fetch(`${baseUrl}${path}?verbose=1&ip=0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(records),
  })
  return response.text()
}

/** A `/track` event as mixpanel-python would send it, timed now. */
export const trackedEvent = (token: string, distinctId: string, event: string, properties: Record<string, unknown> = {}): Record<string, unknown> => ({
  event,
  properties: { token, distinct_id: distinctId, time: Date.now() / 1000, $insert_id: randomUUID().replaceAll('-', ''), ...properties },
})

/** A `/engage` `$set` update. */
export const profileSet = (token: string, distinctId: string, set: Record<string, unknown>): Record<string, unknown> => ({
  $token: token,
  $distinct_id: distinctId,
  $time: Date.now() / 1000,
  $set: set,
})
