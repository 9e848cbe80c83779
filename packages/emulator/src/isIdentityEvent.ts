const IDENTITY_EVENTS: ReadonlySet<string> = new Set(['$create_alias', '$identify', '$merge'])

/**
 * Whether `event` is one of the identity events of Original ID Merge (`$create_alias`, `$identify`,
 * `$merge`): linking requests, not analytics events. Simplified ID Merge ignores them.
 * @example
 * isIdentityEvent('$merge') // true
 * isIdentityEvent('Sign Up') // false
 */
export const isIdentityEvent = (event: unknown): boolean => typeof event === 'string' && IDENTITY_EVENTS.has(event)
