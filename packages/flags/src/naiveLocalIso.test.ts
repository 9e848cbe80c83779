import { describe, expect, it } from 'vitest'
import { naiveLocalIso } from './naiveLocalIso.ts'

describe('naiveLocalIso', () => {
  it("formats like Python's datetime.now().isoformat(): local, no offset, microseconds only when set", () => {
    const withMs = new Date(2025, 0, 2, 3, 4, 5, 120).getTime()
    expect(naiveLocalIso(withMs)).toBe('2025-01-02T03:04:05.120000')
    expect(naiveLocalIso(new Date(2025, 10, 22, 13, 14, 15, 0).getTime())).toBe('2025-11-22T13:14:15')
  })
})
