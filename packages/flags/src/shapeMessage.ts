import type * as v from 'valibot'

/**
 * The message of an object schema. valibot reports a missing required key with the message of
 * the object that lacks it; this says "is missing" then, and describes the expected shape otherwise.
 * @internal
 * @example
 * v.looseObject({ key: v.string() }, shapeMessage('must be an object { key }'))
 */
export const shapeMessage =
  (expected: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    issue.received === 'undefined' && issue.expected?.startsWith('"') === true ? 'is missing' : expected
