import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, inject } from 'vitest';
import { flushNetworkGuard, installNetworkGuard, networkAttempts } from './network-guard.mjs';

// Every test file of the unit project runs with the network guard, and so does every Node child
// it starts (the CLI, analysis workers): NODE_OPTIONS carries the guard to them.
process.env.TALLY_NETWORK_GUARD_LOG = inject('networkGuardLog');
const child = `--import=${pathToFileURL(join(import.meta.dirname, 'network-guard-child.mjs')).href}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(child)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${child}`.trim();
installNetworkGuard();

// A test file whose own process tried to leave the machine fails right here, naming the attempt;
// attempts from its children are caught by the run's summary (network-guard.global.ts).
const refusedBefore = networkAttempts().refused.length;
afterAll(() => {
  flushNetworkGuard();
  const unexpected = networkAttempts()
    .refused.slice(refusedBefore)
    .filter((r) => !r.provoked);
  if (unexpected.length > 0) {
    throw new Error(`This file tried to reach the network:\n${unexpected.map((r) => `${r.kind} ${r.target}\n    ${r.stack.join('\n    ')}`).join('\n')}`);
  }
});
