/** Kept equal to package.json "version" by a test; bundlers need no JSON import for it. */
export const APP_VERSION = '0.1.0';
