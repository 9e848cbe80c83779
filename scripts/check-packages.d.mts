// Types of scripts/check-packages.mjs, for its tests.
export declare const NODE_ONLY: ReadonlySet<string>
export declare const NODE_TYPES_FROM_PEER: ReadonlySet<string>
export declare const KY_ALLOWED: ReadonlySet<string>
export declare const specifiersOf: (code: string) => ReadonlyArray<string>
export declare const packageNameOf: (specifier: string) => string
export declare const exportTargets: (exports: unknown) => ReadonlyArray<{ subpath: string; conditions: ReadonlyArray<string>; target: string }>
export declare const checkPackage: (args: { dir: string; pkg: Record<string, unknown>; packed: ReadonlyArray<string> }) => {
  name: string
  errors: string[]
  warnings: string[]
}
