import { describe, it, expect } from 'vitest'
import { kyFromSend, kyMarkersIn, measure, measurePreset, PRESETS, REFERENCES, table } from './size.mjs'

describe('measure', () => {
  it('reports minified, gzip and brotli bytes, compression making repetitive code smaller', () => {
    const code = 'export const a = "mixpanel";'.repeat(200)
    const sizes = measure(code)
    expect(sizes.min).toBe(code.length)
    expect(sizes.gzip).toBeGreaterThan(0)
    expect(sizes.gzip).toBeLessThan(sizes.min / 10)
    expect(sizes.brotli).toBeGreaterThan(0)
    expect(sizes.brotli).toBeLessThan(sizes.min / 10)
  })

  it('counts bytes, not characters', () => {
    expect(measure('é').min).toBe(2)
  })
})

describe('kyMarkersIn', () => {
  it('finds ky option names that survive minification', () => {
    expect(kyMarkersIn('n={throwHttpErrors:!0,prefixUrl:""}')).toEqual(['throwHttpErrors', 'prefixUrl'])
  })

  it('finds nothing in code without ky', () => {
    expect(kyMarkersIn('export const buildAliasPayload=e=>({_tag:"Right",right:e})')).toEqual([])
  })
})

describe('measurePreset', () => {
  it('passes a preset under budget and without ky', async () => {
    const result = await measurePreset({ name: 'tiny', code: 'export const x = 1', budget: 1024, noKy: true })
    expect(result.ok).toBe(true)
    expect('gzip' in result && result.gzip).toBeLessThan(1024)
  })

  it('fails a preset over its gzip budget', async () => {
    const code = `export const big = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `value-${i * 7919}`))}`
    const result = await measurePreset({ name: 'big', code, budget: 100 })
    expect(result.ok).toBe(false)
    expect('overBudget' in result && result.overBudget).toBe(true)
  })

  it('fails a ky-free preset whose bundle carries ky code, even under budget', async () => {
    const result = await measurePreset({ name: 'leak', code: "export const o = { throwHttpErrors: false }", budget: 10_000, noKy: true })
    expect(result.ok).toBe(false)
    expect('kyLeak' in result && result.kyLeak).toBe(true)
  })

  it('tree-shakes what the entry does not export', async () => {
    const result = await measurePreset({
      name: 'shaken',
      code: "const unused = () => 'throwHttpErrors'\nexport const used = () => 1",
      budget: null,
      noKy: true,
    })
    expect(result.ok).toBe(true)
    expect('code' in result && result.code).not.toContain('throwHttpErrors')
  })

  it('holds a preset whose budget is out of reach to its ceiling: under it passes, over it fails', async () => {
    const code = `export const big = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `value-${i * 7919}`))}`
    const under = await measurePreset({ name: 'held', code, budget: 100, ceiling: 100_000 })
    expect(under.ok).toBe(true)
    expect('overBudget' in under && under.overBudget).toBe(true)
    const over = await measurePreset({ name: 'grew', code, budget: 100, ceiling: 200 })
    expect(over.ok).toBe(false)
    expect('overLimit' in over && over.overLimit).toBe(true)
  })

  it('enforces the budget itself with strict, ceiling or not', async () => {
    const code = `export const big = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `value-${i * 7919}`))}`
    const result = await measurePreset({ name: 'strict', code, budget: 100, ceiling: 100_000 }, { strict: true })
    expect(result.ok).toBe(false)
  })

  it('measures the reference rows: ky on its own is over half of the alias budget', async () => {
    const kyAlone = REFERENCES.find((r) => r.name === 'ref: ky alone')
    expect(kyAlone).toBeDefined()
    const result = await measurePreset(kyAlone!, { plugins: [kyFromSend()] })
    expect(result.ok).toBe(true)
    expect('ky' in result && result.ky.length).toBeGreaterThan(0)
    expect('gzip' in result && result.gzip).toBeGreaterThan(4096)
  })

  it('turns an unresolvable entry into an error row instead of throwing', async () => {
    const result = await measurePreset({ name: 'missing', code: "export { x } from './does-not-exist.js'", budget: 10 })
    expect(result.ok).toBe(false)
    expect('error' in result && result.error).toMatch(/does-not-exist/)
  })
})

describe('table', () => {
  it('shows each preset with its numbers and verdict', async () => {
    const ok = await measurePreset({ name: 'fits', code: 'export const x = 1', budget: 1024 })
    const over = await measurePreset({ name: 'over', code: `export const y = ${JSON.stringify('z'.repeat(5000))}.split('')`, budget: 1 })
    const text = table([ok, over])
    expect(text).toMatch(/^fits .* ok\s*$/m)
    expect(text).toMatch(/^over .* FAIL: \+\d+ B\s*$/m)
    const held = await measurePreset({ name: 'held', code: `export const y = ${JSON.stringify('z'.repeat(5000))}.split('')`, budget: 1, ceiling: 10_000 })
    expect(table([held])).toMatch(/^held .* over budget \+\d+ B; under ceiling 10000\s*$/m)
    expect(text.split('\n')[0]).toMatch(/preset\s+min\s+gzip\s+brotli\s+budget/)
  })
})

describe('PRESETS', () => {
  it('gives a ceiling only to a budgeted preset, and only above its budget (a ceiling never loosens a met budget)', () => {
    for (const preset of PRESETS) {
      if (preset.ceiling === undefined) continue
      expect(preset.budget, preset.name).not.toBeNull()
      expect(preset.ceiling, preset.name).toBeGreaterThan(preset.budget ?? Infinity)
    }
  })
})
