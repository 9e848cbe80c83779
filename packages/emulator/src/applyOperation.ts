import { isRecord } from './isRecord.ts'

type Props = Record<string, unknown>

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const withList = (
  current: Props | undefined,
  value: unknown,
  combine: (list: ReadonlyArray<unknown> | undefined, item: unknown) => ReadonlyArray<unknown> | undefined,
  create: boolean,
): Props | undefined => {
  if (current === undefined && !create) return undefined
  const next: Props = { ...current }
  for (const [key, item] of Object.entries(isRecord(value) ? value : {})) {
    const existing = next[key]
    // A list operation on a property holding a scalar leaves it alone rather than guessing.
    if (existing !== undefined && !Array.isArray(existing)) continue
    const combined = combine(existing as ReadonlyArray<unknown> | undefined, item)
    if (combined !== undefined) next[key] = combined
  }
  return next
}

/**
 * Applies one already-validated profile operation to a property map (`undefined` = no profile) and
 * answers the new map (`undefined` = deleted or still absent). Semantics per Mixpanel's docs:
 * `$set` overwrites, `$set_once` only fills missing properties, `$add` adds numbers (missing = 0),
 * `$append` pushes onto a list (missing = new list), `$union` adds list values not yet present,
 * `$remove` drops a value from a list, `$unset` removes properties, `$delete` removes the profile.
 * `$remove` and `$unset` never create a profile.
 * @example
 * applyOperation('$add', { visits: 1 }, { visits: 2 }) // { visits: 3 }
 * applyOperation('$union', { tags: ['a'] }, { tags: ['a', 'b'] }) // { tags: ['a', 'b'] }
 */
export const applyOperation = (operation: string, current: Props | undefined, value: unknown): Props | undefined => {
  const entries = Object.entries(isRecord(value) ? value : {})
  switch (operation) {
    case '$set':
      return { ...current, ...Object.fromEntries(entries) }
    case '$set_once':
      return { ...current, ...Object.fromEntries(entries.filter(([key]) => current?.[key] === undefined)) }
    case '$add': {
      const next: Props = { ...current }
      for (const [key, amount] of entries) {
        const existing = next[key] ?? 0
        if (typeof existing === 'number' && typeof amount === 'number') next[key] = existing + amount
      }
      return next
    }
    case '$append':
      return withList(current, value, (list, item) => [...(list ?? []), item], true)
    case '$union':
      return withList(
        current,
        value,
        (list, items) =>
          (Array.isArray(items) ? items : [items]).reduce<ReadonlyArray<unknown>>(
            (acc, item) => (acc.some((seen) => same(seen, item)) ? acc : [...acc, item]),
            list ?? [],
          ),
        true,
      )
    case '$remove':
      return withList(current, value, (list, item) => (list === undefined ? undefined : list.filter((x) => !same(x, item))), false)
    case '$unset': {
      if (current === undefined) return undefined
      const names = new Set(Array.isArray(value) ? value.map(String) : [])
      return Object.fromEntries(Object.entries(current).filter(([key]) => !names.has(key)))
    }
    case '$delete':
      return undefined
    default:
      return current
  }
}
