export { createOutbox } from './createOutbox.ts'
export { createOutboxSender } from './createOutboxSender.ts'
export { SENDER_DEFAULTS } from './resolveSenderOptions.ts'
export type { DrainReport, EnqueueOptions, Outbox, OutboxOptions, OutboxSender, OutboxSenderOptions, Sender, SenderErrorContext, SqlClient } from './types.ts'
