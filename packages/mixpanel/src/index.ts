export { createMixpanel } from './createMixpanel.ts'
export type { CreateMixpanel } from './createMixpanel.ts'
export { Mixpanel } from './Mixpanel.ts'
export type { MixpanelFactory } from './Mixpanel.ts'
export type { DirectMixpanel, InputOf, MixpanelClientOptions, MixpanelOptions, Operations, PromiseMixpanel, QueuedMixpanel } from './types.ts'
// Re-exported so Promise-style users need one import: `catch (e) { if (e instanceof MixpanelException) … }`.
export { MixpanelException } from '@mp/core'
export type { MixpanelError } from '@mp/core'
