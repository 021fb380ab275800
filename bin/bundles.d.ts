export declare const BUNDLE_ENTRIES: { 'analysis-worker': string; 'parallel/csv-range-thread': string; cli: string; 'cli-eval': string; 'cli-check': string };
export declare const BUNDLED_PACKAGES: Partial<Record<keyof typeof BUNDLE_ENTRIES, string[]>>;
export declare const BUNDLE_DIR: string;
export declare const BUNDLE_INPUTS: string;
export declare function bundlePath(root: string, name: keyof typeof BUNDLE_ENTRIES): string;
export declare function bundlesFresh(root: string): boolean;
