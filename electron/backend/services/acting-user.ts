import { userInfo } from 'node:os';
import type { BackendContext, HostKind } from '../context';

const HOST_WORDS: Record<HostKind, string> = { electron: 'desktop app', browser: 'browser', cli: 'command line', test: 'test' };

/** The operating-system account running Tally; Tally has no accounts of its own. */
function accountName(): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // No passwd entry for the uid (some containers): fall back to the environment.
  }
  return process.env.USER || process.env.USERNAME || 'unknown user';
}

/**
 * Who made a change that is recorded with its author, such as a project's exchange rate:
 * "alice (desktop app)". Everyone using one workspace shares the machine, so the account and
 * the way in are what can be told apart.
 */
export function actingUser(ctx: Pick<BackendContext, 'host'>): string {
  return `${accountName()} (${HOST_WORDS[ctx.host]})`;
}
