// The test runs' network guard: nothing may leave the machine. Installed in every vitest worker of
// the unit project (network-guard.setup.ts) and, through NODE_OPTIONS=--import
// network-guard-child.mjs, in every Node child those tests start (the CLI, analysis workers, builds). Plain JavaScript so a child loads it
// without a TypeScript loader. Test-only: no shipped code imports it.
//
// Every outbound attempt is checked where all of Node's networking passes: TCP connects (http.request,
// https, tls, fetch/undici and net all end in net.Socket#connect), UDP sends, name lookups and DNS
// queries, plus fetch by URL for a clearer record. Loopback connections pass and are counted; anything else is refused with an error (as an unreachable host would be)
// and recorded. Records go to the file named by TALLY_NETWORK_GUARD_LOG (one JSON line each),
// which network-guard.global.ts sums up at the end of the run.
import { AsyncLocalStorage } from 'node:async_hooks';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { isIP } from 'node:net';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';

const STATE = Symbol.for('tally.networkGuard');
export const GUARD_ERROR_CODE = 'ERR_TALLY_NETWORK_GUARD';

/** Loopback names and addresses, and the unspecified address (which connects to this machine). */
export function isLoopbackHost(host) {
  if (host === undefined || host === null || host === '') return true;
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '::' || h === '0.0.0.0' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

function state() {
  if (!globalThis[STATE]) {
    globalThis[STATE] = { allowed: 0, refused: [], provoked: new AsyncLocalStorage(), flushedAllowed: 0 };
  }
  return globalThis[STATE];
}

function write(record) {
  const file = process.env.TALLY_NETWORK_GUARD_LOG;
  if (!file) return;
  try {
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, ...record })}\n`);
  } catch {
    // A child whose working tree is gone must not fail for the log's sake: its count is lost, no more.
  }
}

function guardError(kind, target) {
  const error = new Error(`Tally's test network guard refused ${kind} ${target}: nothing may leave the machine.`);
  error.code = GUARD_ERROR_CODE;
  return error;
}

/** Records a refused attempt (immediately: a child may be killed before it could flush). */
function refuse(kind, target) {
  const s = state();
  const record = {
    kind,
    target,
    // A child started by the guard's own test to provoke a refusal says so in its environment.
    provoked: s.provoked.getStore() === true || process.env.TALLY_NETWORK_GUARD_PROVOKED === '1',
    stack: (new Error().stack ?? '').split('\n').slice(3, 9).map((l) => l.trim()),
  };
  s.refused.push(record);
  write({ refused: record });
  return guardError(kind, target);
}

function allow() {
  state().allowed += 1;
}

/** The host and port a net.Socket#connect call asks for, or null for a local (IPC) socket. */
function connectTarget(args) {
  const [first, second] = args;
  let options = first;
  if (Array.isArray(first)) options = first[0]; // the internal normalized form
  if (options !== null && typeof options === 'object') {
    if (options.path) return null; // as net.Socket#connect decides: a truthy path is a local socket
    return { host: options.host ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // a pipe or socket path
  return { host: typeof second === 'string' ? second : 'localhost', port: first };
}

function wrapConnect() {
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const target = connectTarget(args);
    if (target === null || isLoopbackHost(target.host)) {
      if (target !== null) allow();
      return original.apply(this, args);
    }
    const error = refuse('connect to', `${target.host}:${target.port}`);
    process.nextTick(() => this.destroy(error));
    return this;
  };
}

function wrapUdp() {
  const originalSend = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(...args) {
    const address = args.slice(1).find((a) => typeof a === 'string');
    let host = address;
    if (host === undefined) {
      try {
        host = this.remoteAddress().address;
      } catch {
        host = 'localhost';
      }
    }
    if (isLoopbackHost(host)) {
      allow();
      return originalSend.apply(this, args);
    }
    const error = refuse('UDP send to', host);
    const callback = args.find((a) => typeof a === 'function');
    if (callback) process.nextTick(() => callback(error));
    else process.nextTick(() => this.emit('error', error));
    return undefined;
  };
  const originalConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, callback) {
    const host = typeof address === 'string' ? address : 'localhost';
    if (isLoopbackHost(host)) return originalConnect.call(this, port, address, callback);
    throw refuse('UDP connect to', `${host}:${port}`);
  };
}

function wrapDns() {
  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(hostname, ...rest) {
    // A loopback name resolves locally; an address literal is not a query (the connect decides).
    if (isLoopbackHost(hostname) || isIP(hostname) !== 0) return lookup.call(this, hostname, ...rest);
    const error = refuse('name lookup of', hostname);
    error.code = 'ENOTFOUND';
    const callback = rest.find((a) => typeof a === 'function');
    if (callback) process.nextTick(() => callback(error));
    return {};
  };
  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = function guardedPromisesLookup(hostname, ...rest) {
    if (isLoopbackHost(hostname) || isIP(hostname) !== 0) return promisesLookup.call(this, hostname, ...rest);
    const error = refuse('name lookup of', hostname);
    error.code = 'ENOTFOUND';
    return Promise.reject(error);
  };
  // resolve*, reverse and lookupService ask the configured DNS servers over the network.
  const query = /^(resolve|reverse$|lookupService$)/;
  for (const target of [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype]) {
    for (const name of Object.getOwnPropertyNames(target)) {
      if (!query.test(name) || typeof target[name] !== 'function') continue;
      const isPromise = target === dns.promises || target === dns.promises.Resolver.prototype;
      target[name] = function guardedQuery(...args) {
        const error = refuse(`DNS ${name} of`, String(args[0]));
        if (isPromise) return Promise.reject(error);
        const callback = args.find((a) => typeof a === 'function');
        if (callback) process.nextTick(() => callback(error));
        return undefined;
      };
    }
  }
}

function urlHost(input) {
  try {
    if (typeof input === 'string' || input instanceof URL) return new URL(String(input)).hostname;
    if (input && typeof input === 'object' && typeof input.url === 'string') return new URL(input.url).hostname;
  } catch {
    return null;
  }
  return null;
}

function wrapFetch() {
  const original = globalThis.fetch;
  if (typeof original !== 'function') return;
  globalThis.fetch = function guardedFetch(input, init) {
    const host = urlHost(input);
    if (host !== null && !isLoopbackHost(host)) {
      return Promise.reject(new TypeError('fetch failed', { cause: refuse('fetch of', String(input?.url ?? input)) }));
    }
    return original.call(this, input, init);
  };
}

/** Installs the guard once per process (a second call is a no-op). */
export function installNetworkGuard() {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  wrapConnect();
  wrapUdp();
  wrapDns();
  wrapFetch();
  syncBuiltinESMExports();
  process.on('exit', flushNetworkGuard);
}

/** Runs `fn` with any refused attempt inside it marked as provoked on purpose (the guard's own test). */
export function provokeRefusals(fn) {
  return state().provoked.run(true, fn);
}

/** Attempts this process made so far: how many loopback connections passed, which others were refused. */
export function networkAttempts() {
  const s = state();
  return { allowed: s.allowed, refused: [...s.refused] };
}

/** Writes the count of allowed (loopback) attempts since the last flush to the run's log. */
export function flushNetworkGuard() {
  const s = state();
  const delta = s.allowed - s.flushedAllowed;
  if (delta === 0) return;
  s.flushedAllowed = s.allowed;
  write({ allowed: delta });
}
