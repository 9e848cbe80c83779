import { mulberry32 } from './mulberry32.ts'
import { normalizePath } from './normalizePath.ts'
import type { Fault, FaultMatch } from './types.ts'

/** The faults planned for upcoming requests. */
export interface FaultPlan {
  next(count: number, fault: Fault, match?: FaultMatch): void
  random(options: {
    readonly seed: number
    readonly faults: ReadonlyArray<{ readonly fault: Fault; readonly probability: number }>
    readonly match?: FaultMatch
  }): void
  clear(): void
  /** The fault for a request on `path`, consuming it; `undefined` to answer normally. */
  take(path: string): Fault | undefined
}

interface Queued {
  remaining: number
  readonly fault: Fault
  readonly path: string | undefined
}

interface RandomPlan {
  readonly draw: () => number
  readonly faults: ReadonlyArray<{ readonly fault: Fault; readonly probability: number }>
  readonly path: string | undefined
}

const matches = (planned: string | undefined, path: string): boolean => planned === undefined || planned === path

/**
 * Fault injection state: queued faults (`next`) are served first, in the order they were planned;
 * otherwise a seeded random plan draws one number per matching request and picks the fault whose
 * cumulative probability covers it, so the same seed and request sequence give the same faults.
 * @example
 * const plan = createFaultPlan()
 * plan.next(1, { kind: 'status', status: 503 }, { path: '/track' })
 * plan.take('/engage') // undefined
 * plan.take('/track') // { kind: 'status', status: 503 }
 */
export const createFaultPlan = (): FaultPlan => {
  let queue: Array<Queued> = []
  let randomPlan: RandomPlan | undefined
  const pathOf = (match: FaultMatch | undefined): string | undefined =>
    match?.path === undefined ? undefined : normalizePath(match.path)
  return {
    next: (count, fault, match) => {
      if (count > 0) queue.push({ remaining: Math.floor(count), fault, path: pathOf(match) })
    },
    random: (options) => {
      const faults = Array.isArray(options.faults) ? options.faults : []
      randomPlan = { draw: mulberry32(Number(options.seed) || 0), faults: [...faults], path: pathOf(options.match) }
    },
    clear: () => {
      queue = []
      randomPlan = undefined
    },
    take: (path) => {
      const queued = queue.find((entry) => matches(entry.path, path))
      if (queued !== undefined) {
        queued.remaining -= 1
        if (queued.remaining <= 0) queue = queue.filter((entry) => entry !== queued)
        return queued.fault
      }
      if (randomPlan === undefined || !matches(randomPlan.path, path)) return undefined
      const roll = randomPlan.draw()
      let cumulative = 0
      for (const { fault, probability } of randomPlan.faults) {
        cumulative += Number.isFinite(probability) ? probability : 0
        if (roll < cumulative) return fault
      }
      return undefined
    },
  }
}
