#!/usr/bin/env node
// The `tally` command. Runs the TypeScript sources through tsx's loader so the CLI, the browser
// host and the tests execute exactly the code in the repo (no stale build to go out of date).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/host/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
