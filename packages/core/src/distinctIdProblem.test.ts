import { describe, expect, it } from 'vitest'
import { distinctIdProblem } from './distinctIdProblem.ts'
import { PLACEHOLDER_IDS } from './ids.ts'

describe('distinctIdProblem', () => {
  it('accepts real ids, including ones that merely contain a placeholder word', () => {
    for (const id of ['user_67890', 'anon_0', 'null-island', '-10', ' user_1 ']) expect(distinctIdProblem(id)).toBeUndefined()
  })

  it.each(['', '   ', '\t'])('refuses the empty id %j', (id) => {
    expect(distinctIdProblem(id)).toBe('must be a non-empty string')
  })

  it.each(PLACEHOLDER_IDS.flatMap((id) => [id, id.toUpperCase(), ` ${id} `]))('refuses the placeholder %j, quoting it', (id) => {
    expect(distinctIdProblem(id)).toBe(`${JSON.stringify(id)} is a placeholder Mixpanel refuses as an id`)
  })
})
