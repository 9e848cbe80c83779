import { describe, it, expect } from 'vitest'

interface DemoStep {
  readonly label: string
  readonly expected: 'Right' | 'Left'
  readonly ok: boolean
  readonly result: { readonly _tag: 'Right' | 'Left'; readonly left?: { readonly _tag: string; readonly message: string } }
}
interface ProjectView {
  readonly idMerge: 'simplified' | 'original'
  readonly identities: ReadonlyArray<ReadonlyArray<string>>
  readonly events: Readonly<Record<string, ReadonlyArray<{ readonly event: string; readonly distinctId: string }>>>
  readonly profile: Readonly<Record<string, unknown>> | undefined
  readonly ignored: ReadonlyArray<{ readonly endpoint: string; readonly event: string; readonly reason: string }>
}
interface DemoReport {
  readonly ok: boolean
  readonly steps: ReadonlyArray<DemoStep>
  readonly view: { readonly original: ProjectView; readonly simplified: ProjectView }
}
interface DemoModule {
  readonly main: (options?: { log?: (line: string) => void }) => Promise<DemoReport>
}

// Imported, not spawned, so the test runs against the packages' source without a build.
const loadDemo = async (): Promise<DemoModule> => (await import(new URL('./demo.mjs', import.meta.url).href)) as DemoModule

describe('pnpm demo', () => {
  it('tells the Original stories, the Simplified signup and the ignored alias, reports both projects, and succeeds', async () => {
    const { main } = await loadDemo()
    const lines: string[] = []
    const report = await main({ log: (line) => lines.push(line) })

    expect(report.steps.filter((s) => !s.ok).map((s) => s.label)).toStrictEqual([])
    expect(report.ok).toBe(true)

    // Original: stories A and B end in one person: the user id, the anonymous id and the work email.
    const { original, simplified } = report.view
    expect(original.idMerge).toBe('original')
    const cluster = original.identities.find((c) => c.includes('user_67890'))
    expect([...(cluster ?? [])].sort()).toStrictEqual(['ada@analytical-engines.example', 'anonymous_12345', 'user_67890'].sort())
    const canonical = cluster?.[0] ?? ''
    expect(Object.keys(original.events)).toStrictEqual([canonical])
    expect(original.events[canonical]?.map((e) => `${e.event}@${e.distinctId}`)).toEqual(
      expect.arrayContaining([
        'Page View@anonymous_12345',
        'Button Click@anonymous_12345',
        'Sign Up@user_67890',
        'Upgrade@user_67890',
        'Webinar Joined@ada@analytical-engines.example',
      ]),
    )
    expect(original.profile).toMatchObject({ $name: 'Ada Lovelace', $email: 'ada@example.com', company: 'Analytical Engines Ltd', role: 'Engineer' })
    expect(original.ignored).toStrictEqual([])

    // Simplified: the signup event linked the device, the phone login a second one; the user id is canonical.
    expect(simplified.idMerge).toBe('simplified')
    expect(simplified.identities).toStrictEqual([['user_67890', '$device:anonymous_12345', '$device:phone_24680']])
    expect(Object.keys(simplified.events)).toStrictEqual(['user_67890'])
    expect(simplified.events['user_67890']?.map((e) => `${e.event}@${e.distinctId}`)).toStrictEqual([
      'Page View@$device:anonymous_12345',
      'Page View@$device:anonymous_12345',
      'Button Click@$device:anonymous_12345',
      'Sign Up@user_67890',
      'Upgrade@user_67890',
      'Log In@user_67890',
    ])
    expect(simplified.profile).toStrictEqual({ $name: 'Ada Lovelace', $email: 'ada@example.com' })
    // The alias reached the Simplified project, was answered, and changed nothing.
    expect(simplified.ignored.map((e) => `${e.endpoint} ${e.event}`)).toStrictEqual(['/track $create_alias'])

    // The deliberate bad calls are typed ConfigErrors, printed without a stack trace.
    const bad = report.steps.filter((s) => s.expected === 'Left').map((s) => s.result.left)
    expect(bad.map((e) => e?._tag)).toStrictEqual(['ConfigError', 'ConfigError'])
    expect(bad[1]?.message).toMatch(/^alias does nothing on a Simplified ID Merge project/)
    const output = lines.join('\n')
    expect(output).toMatch(/✔ alias user_67890 → anonymous_12345\s+Right\(receipt: \/track, 1 record, 1 attempt\)/)
    expect(output).toMatch(/✘ merge .*Left\(ConfigError: /)
    expect(output).toMatch(/✔ track "Sign Up" +deviceId anonymous_12345, userId user_67890\s+Right/)
    expect(output).toMatch(/✔ alias ada@analytical-engines.example → user_67890\s+Right\(receipt: \/track/)
    expect(output).toContain('✔ clusters unchanged')
    expect(output).toMatch(/✘ alias ada@analytical-engines.example → user_67890\s+Left\(ConfigError: alias does nothing/)
    expect(output).toContain('user_67890 ⇐ $device:anonymous_12345, $device:phone_24680')
    expect(output).not.toMatch(/\n\s+at /)
    expect(output).not.toContain('demo-api-secret')
  })
})
