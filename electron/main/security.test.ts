import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/domain/csp';
import { resolveAppFile } from './app-protocol';
import { checkSender, isAllowedNavigation, isAllowedRequest, isSafeExternalUrl, permissionDecision } from './security';

const DEV = 'http://localhost:5173';

describe('content security policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  it('allows only our own origin and no eval or inline script', () => {
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('is stated in the page itself, equal to the header but for what a <meta> cannot carry', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    expect(metas).toEqual([META_CONTENT_SECURITY_POLICY]);
    const header = CONTENT_SECURITY_POLICY.split('; ');
    expect(META_CONTENT_SECURITY_POLICY.split('; ')).toEqual(header.filter((d) => d !== "frame-ancestors 'none'"));
  });
});

describe('navigation', () => {
  it.each([
    ['app://tally/index.html', true],
    ['app://tally/index.html#/projects/1', true],
    ['app://evil/index.html', false],
    ['app://user:pw@tally/index.html', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => expect(isAllowedNavigation(url)).toBe(allowed));

  it('allows the loopback dev server only when one is configured', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/settings', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://evil.test:5173/', 'http://evil.test:5173')).toBe(false);
  });
});

describe('external links', () => {
  it.each([
    ['https://arxiv.org/abs/2203.15556', true],
    ['http://example.com/page', true],
    ['https://user:pass@example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['smb://share/x', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['vbscript:msgbox', false],
    ['', false],
  ])('%s -> %s', (url, safe) => expect(isSafeExternalUrl(url)).toBe(safe));
});

describe('network requests from the renderer', () => {
  it.each([
    ['app://tally/assets/index.js', true],
    ['data:image/png;base64,AAAA', true],
    ['https://fonts.googleapis.com/css', false],
    ['https://telemetry.example.com/collect', false],
    ['http://127.0.0.1:8080/rpc', false],
    ['ws://localhost:5173/', false],
  ])('%s -> %s', (url, allowed) => expect(isAllowedRequest(url)).toBe(allowed));

  it('lets the dev server and its hot-reload socket through during development only', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:9999/', DEV)).toBe(false);
    expect(isAllowedRequest('https://cdn.example.com/x.js', DEV)).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('accepts the main frame of our own app', () => {
    expect(checkSender({ url: 'app://tally/index.html#/projects', isMainFrame: true })).toEqual({ ok: true });
  });
  it.each([
    [null, 'no sender frame (the frame was destroyed or navigated)'],
    [{ url: 'app://tally/index.html', isMainFrame: false }, 'sub-frame senders are refused (app://tally/index.html)'],
    [{ url: 'https://evil.test/', isMainFrame: true }, 'sender origin is not the app (https://evil.test/)'],
    [{ url: 'file:///tmp/x.html', isMainFrame: true }, 'sender origin is not the app (file:///tmp/x.html)'],
    [{ url: 'app://tally.evil/index.html', isMainFrame: true }, 'sender origin is not the app (app://tally.evil/index.html)'],
    [{ url: 'http://localhost:5173/', isMainFrame: true }, 'sender origin is not the app (http://localhost:5173/)'],
  ])('refuses %j with a reason', (frame, reason) => {
    expect(checkSender(frame)).toEqual({ ok: false, reason });
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midi', 'pointerLock'])('denies %s, even to the app itself', (p) => {
    expect(permissionDecision(p)).toBe(false);
    expect(permissionDecision(p, 'app://tally/index.html')).toBe(false);
  });

  it('allows notifications only to the app\'s own page (and the loopback dev server in development)', () => {
    expect(permissionDecision('notifications', 'app://tally/index.html')).toBe(true);
    expect(permissionDecision('notifications', 'app://tally')).toBe(true);
    expect(permissionDecision('notifications', 'http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
  });

  it.each([undefined, '', 'https://evil.example/', 'app://tally.evil/index.html', 'app://user:pw@tally/', 'http://localhost:5173/', 'file:///etc/passwd', 'not a url'])(
    'denies notifications asked for by %j',
    (url) => expect(permissionDecision('notifications', url)).toBe(false),
  );
});

describe('app:// protocol path check', () => {
  const root = '/opt/tally/out/renderer';
  it.each([
    ['app://tally/', '/opt/tally/out/renderer/index.html'],
    ['app://tally/index.html', '/opt/tally/out/renderer/index.html'],
    ['app://tally/assets/index-1.js?v=2', '/opt/tally/out/renderer/assets/index-1.js'],
  ])('%s -> %s', (url, file) => expect(resolveAppFile(root, url)).toBe(file));

  it.each([
    'app://tally/../../etc/passwd',
    'app://tally/%2e%2e/%2e%2e/etc/passwd',
    'app://tally/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://tally/assets/..%5c..%5csecret',
    'app://tally/index.html%00.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://tally/C:/Windows/win.ini',
  ])('refuses %s', (url) => expect(resolveAppFile(root, url)).toBeNull());
});
