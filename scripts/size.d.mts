// Types of scripts/size.mjs, for its tests.
export interface Sizes { readonly min: number; readonly gzip: number; readonly brotli: number }
export interface Preset { readonly name: string; readonly code: string; readonly budget: number | null; readonly ceiling?: number; readonly noKy?: boolean; readonly reference?: boolean }
export interface ModuleRow { readonly id: string; readonly rendered: number; readonly code: string }
export type PresetResult =
  | (Preset & Sizes & { readonly ky: ReadonlyArray<string>; readonly ok: boolean; readonly overBudget: boolean; readonly overLimit: boolean; readonly kyLeak: boolean; readonly code: string; readonly modules: ReadonlyArray<ModuleRow> })
  | (Preset & { readonly ok: false; readonly error: string })
export declare const KY_MARKERS: ReadonlyArray<string>
export declare const measure: (code: string) => Sizes
export declare const kyMarkersIn: (code: string) => ReadonlyArray<string>
export declare const breakdown: (modules: Record<string, { renderedLength: number; code: string | null }>) => ReadonlyArray<ModuleRow>
export declare const weigh: (rows: ReadonlyArray<ModuleRow>) => Promise<ReadonlyArray<Sizes & { readonly id: string; readonly rendered: number }>>
export declare const measurePreset: (preset: Preset, options?: { plugins?: ReadonlyArray<unknown>; shared?: { cache?: unknown }; strict?: boolean }) => Promise<PresetResult>
export declare const kyAsFetch: () => { name: string }
export declare const table: (results: ReadonlyArray<PresetResult>) => string
export declare const REFERENCES: ReadonlyArray<Preset>
export declare const kyFromSend: () => { name: string }
export declare const PRESETS: ReadonlyArray<Preset>
