export { createQueue } from './createQueue.ts'
// Mixpanel's limits and the poison rule live in @mp/core (the outbox shares them); re-exported for the queue's users.
export { batchLimits, isAliasRequest, isPermanent, MAX_BATCH_RECORDS, MAX_RECORD_BYTES } from '@mp/core'
export { QUEUE_DEFAULTS, resolveQueueOptions } from './resolveQueueOptions.ts'
export type { ResolvedQueueOptions } from './resolveQueueOptions.ts'
export type { BatchFailure, EndpointReport, ErrorContext, FlushReport, Queue, QueueOptions, Queued, Sender } from './types.ts'
