import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not needed: a stand-in BrowserWindow records what the factory asks of it.
const electron = vi.hoisted(() => {
  type Listener = (event: { preventDefault(): void }, url: string) => void;
  class FakeWindow {
    static last: FakeWindow | null = null;
    readonly listeners = new Map<string, Listener>();
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    loaded: string | null = null;
    readonly webContents = {
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
        this.openHandler = handler;
      },
      on: (name: string, listener: Listener) => {
        this.listeners.set(name, listener);
      },
    };
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.last = this;
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded = url;
      return Promise.resolve();
    }
  }
  return { FakeWindow, opened: [] as string[] };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.FakeWindow,
  shell: { openExternal: (url: string) => electron.opened.push(url) },
}));

const { createMainWindow } = await import('./window');

function lastWindow(): InstanceType<typeof electron.FakeWindow> {
  const win = electron.FakeWindow.last;
  if (!win) throw new Error('no window was created');
  return win;
}

function prevented(win: InstanceType<typeof electron.FakeWindow>, event: string, url: string): boolean {
  let stopped = false;
  win.listeners.get(event)?.({ preventDefault: () => (stopped = true) }, url);
  return stopped;
}

beforeEach(() => {
  electron.opened.length = 0;
  createMainWindow('/app/out/preload/index.cjs', 'app://tally/index.html', undefined);
});

describe('the main window', () => {
  it('runs the renderer sandboxed and isolated, without Node, webviews or insecure content', () => {
    expect(lastWindow().options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
    expect(lastWindow().loaded).toBe('app://tally/index.html');
  });

  it('denies every new window and hands only safe http(s) links to the OS browser', () => {
    const open = lastWindow().openHandler;
    expect(open?.({ url: 'https://arxiv.org/abs/2203.15556' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://arxiv.org/abs/2203.15556']);
  });

  it('keeps navigation and redirects inside the app and refuses webviews', () => {
    const win = lastWindow();
    expect(prevented(win, 'will-navigate', 'app://tally/index.html#/projects')).toBe(false);
    expect(prevented(win, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented(win, 'will-redirect', 'https://example.com/')).toBe(true);
    expect(prevented(win, 'will-redirect', 'app://tally/index.html')).toBe(false);
    expect(prevented(win, 'will-attach-webview', 'app://tally/index.html')).toBe(true);
  });
});
