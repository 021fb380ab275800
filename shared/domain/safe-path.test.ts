import { describe, expect, it } from 'vitest';
import { safeRelativePath } from './safe-path';

describe('safeRelativePath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['//assets//x.css', 'assets/x.css'],
    ['/./assets/x.css', 'assets/x.css'],
    ['/my%20file.png', 'my file.png'],
  ])('maps %s to %s', (input, expected) => expect(safeRelativePath(input)).toBe(expected));

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/assets/..%2f..%2fsecret',
    '/..\\..\\windows\\win.ini',
    '/assets%5c..%5c..%5csecret',
    '/C:/Windows/win.ini',
    '/c:%5cboot.ini',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/assets/../index.html',
  ])('refuses %s', (input) => expect(safeRelativePath(input)).toBeNull());
});
