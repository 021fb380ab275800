import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Reads built files for what would reach the network: remote URLs, telemetry and analytics SDKs,
 * update checks. Every remote URL must be on the allow-list (a documentation link in a comment,
 * an XML namespace name ...) with its reason; SDKs and update checks have no allow-list.
 */

/** `url` is matched exactly, or as a prefix when it ends with "/". */
export interface AllowedUrl {
  url: string;
  reason: string;
}

export interface Reference {
  kind: 'remote URL' | 'telemetry or analytics SDK' | 'update check';
  text: string;
  file: string;
  line: number;
  context: string;
}

export interface ReferenceReport {
  /** The files read, relative to the base folder. */
  fileNames: string[];
  files: number;
  bytes: number;
  loopbackUrls: number;
  allowed: Array<Reference & { reason: string }>;
  refused: Reference[];
  /** Allow-list lines that matched nothing: the list must say only what is true. */
  unused: AllowedUrl[];
}

const SCANNED = /\.(c|m)?js$|\.html$|\.css$|\.json$|\.svg$/;
const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>\\)]*/gi;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Names that only appear where an SDK or service sends usage or crash data somewhere. */
const TELEMETRY = [
  /@sentry\//i,
  /sentry\.io/i,
  /posthog/i,
  /mixpanel/i,
  /@amplitude\//i,
  /amplitude\.com/i,
  /@segment\//i,
  /segment\.(io|com)/i,
  /google-analytics/i,
  /googletagmanager/i,
  /\bgtag\(/,
  /datadoghq|dd-trace|@datadog\//i,
  /newrelic/i,
  /bugsnag/i,
  /rollbar/i,
  /logrocket/i,
  /hotjar/i,
  /fullstory/i,
  /applicationinsights/i,
  /@opentelemetry\//i,
  /appcenter/i,
  /firebase/i,
  /countly/i,
  /plausible\.io/i,
  /heapanalytics/i,
  /\bcrashReporter\b/,
  /\bsendBeacon\b/,
];

/** Electron's and electron-builder's update machinery. */
const UPDATES = [/\bautoUpdater\b/, /electron-updater/, /update\.electronjs\.org/, /update-electron-app/, /\bcheckForUpdates\w*\b/, /squirrel/i];

/** `URL reason...` lines; `#` starts a comment. */
export function readAllowList(file: string): AllowedUrl[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const [url, ...reason] = line.split(/\s+/);
      if (!url || reason.length === 0) throw new Error(`${file}: entry ${i + 1} needs a URL and a reason: "${line}"`);
      return { url, reason: reason.join(' ') };
    });
}

/**
 * The host part of a URL as written. A template placeholder ends it: `http://127.0.0.1${path}` is
 * loopback, `https://${host}/x` has the empty host, which is never loopback.
 */
export function hostOf(url: string): string {
  const authority = (url.split('://')[1] ?? '').split(/[/?#]|\$\{/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1 || undefined);
  return (host.split(':')[0] ?? '').toLowerCase();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SCANNED.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function lineAt(text: string, index: number): { line: number; context: string } {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  const whole = text.slice(start, end === -1 ? undefined : end);
  const at = index - start;
  return { line: text.slice(0, index).split('\n').length, context: whole.slice(Math.max(0, at - 60), at + 80).trim() };
}

/** Scans every built text file under each root (named relative to `base`). */
export function scanForNetworkReferences(roots: string[], base: string, allowList: AllowedUrl[]): ReferenceReport {
  const report: ReferenceReport = { fileNames: [], files: 0, bytes: 0, loopbackUrls: 0, allowed: [], refused: [], unused: [] };
  const used = new Set<AllowedUrl>();
  for (const root of roots) {
    for (const path of listFiles(root)) {
      const text = readFileSync(path, 'utf8');
      const file = relative(base, path).split(sep).join('/');
      report.fileNames.push(file);
      report.files += 1;
      report.bytes += Buffer.byteLength(text);
      for (const m of text.matchAll(URL_PATTERN)) {
        // A URL at the end of a sentence keeps its period; the period is not part of it.
        const url = m[0].replace(/[.,;:]+$/, '');
        if (LOOPBACK.has(hostOf(url))) {
          report.loopbackUrls += 1;
          continue;
        }
        const ref: Reference = { kind: 'remote URL', text: url, file, ...lineAt(text, m.index) };
        const entry = allowList.find((a) => (a.url.endsWith('/') ? url.startsWith(a.url) : url === a.url));
        if (entry) {
          used.add(entry);
          report.allowed.push({ ...ref, reason: entry.reason });
        } else {
          report.refused.push(ref);
        }
      }
      for (const [kind, patterns] of [
        ['telemetry or analytics SDK', TELEMETRY],
        ['update check', UPDATES],
      ] as const) {
        for (const pattern of patterns) {
          for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) {
            report.refused.push({ kind, text: m[0], file, ...lineAt(text, m.index) });
          }
        }
      }
    }
  }
  report.unused = allowList.filter((a) => !used.has(a));
  return report;
}
