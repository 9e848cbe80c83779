export { send } from './send.ts'
export { fetchFlags } from './fetchFlags.ts'
export { toAction } from './toAction.ts'
export type { Action, Builder } from './toAction.ts'
