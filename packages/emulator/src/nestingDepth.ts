/**
 * How deeply a value nests objects and arrays: a scalar is 0, `{a: 1}` and `[1]` are 1.
 * @example
 * nestingDepth({ a: { b: 1 } }) // 2
 */
export const nestingDepth = (value: unknown): number => {
  if (typeof value !== 'object' || value === null) return 0
  const children: ReadonlyArray<unknown> = Array.isArray(value) ? value : Object.values(value)
  return 1 + children.reduce<number>((max, child) => Math.max(max, nestingDepth(child)), 0)
}
