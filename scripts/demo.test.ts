import { describe, it, expect } from 'vitest'

interface DemoStep {
  readonly label: string
  readonly expected: 'Right' | 'Left'
  readonly ok: boolean
  readonly result: { readonly _tag: 'Right' | 'Left'; readonly left?: { readonly _tag: string; readonly message: string } }
}
interface DemoReport {
  readonly ok: boolean
  readonly steps: ReadonlyArray<DemoStep>
  readonly view: {
    readonly identities: ReadonlyArray<ReadonlyArray<string>>
    readonly events: Readonly<Record<string, ReadonlyArray<{ readonly event: string; readonly distinctId: string }>>>
    readonly profile: Readonly<Record<string, unknown>> | undefined
  }
}
interface DemoModule {
  readonly main: (options?: { log?: (line: string) => void }) => Promise<DemoReport>
}

// Imported, not spawned, so the test runs against the packages' source without a build.
const loadDemo = async (): Promise<DemoModule> => (await import(new URL('./demo.mjs', import.meta.url).href)) as DemoModule

describe('pnpm demo', () => {
  it('tells both stories, reports the emulator state they produce, and succeeds', async () => {
    const { main } = await loadDemo()
    const lines: string[] = []
    const report = await main({ log: (line) => lines.push(line) })

    expect(report.steps.filter((s) => !s.ok).map((s) => s.label)).toStrictEqual([])
    expect(report.ok).toBe(true)

    // Story A and B end in one person: the user id, the anonymous id and the work email.
    const cluster = report.view.identities.find((c) => c.includes('user_67890'))
    expect([...(cluster ?? [])].sort()).toStrictEqual(['ada@analytical-engines.example', 'anonymous_12345', 'user_67890'].sort())
    const canonical = cluster?.[0] ?? ''
    expect(Object.keys(report.view.events)).toStrictEqual([canonical])
    expect(report.view.events[canonical]?.map((e) => `${e.event}@${e.distinctId}`)).toEqual(
      expect.arrayContaining([
        'Page View@anonymous_12345',
        'Button Click@anonymous_12345',
        'Sign Up@user_67890',
        'Upgrade@user_67890',
        'Webinar Joined@ada@analytical-engines.example',
      ]),
    )
    expect(report.view.profile).toMatchObject({ $name: 'Ada Lovelace', $email: 'ada@example.com', company: 'Analytical Engines Ltd', role: 'Engineer' })

    // The deliberate bad call is a typed ConfigError, printed without a stack trace.
    const bad = report.steps.find((s) => s.expected === 'Left')
    expect(bad?.result.left?._tag).toBe('ConfigError')
    const output = lines.join('\n')
    expect(output).toMatch(/✔ alias user_67890 → anonymous_12345\s+Right\(receipt: \/track, 1 record, 1 attempt\)/)
    expect(output).toMatch(/✘ merge .*Left\(ConfigError: /)
    expect(output).not.toMatch(/\n\s+at /)
    expect(output).not.toContain('demo-api-secret')
  })
})
