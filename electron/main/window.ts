import { BrowserWindow, shell } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl, windowOptions } from './security';

/** The one window factory: hardened options, navigation pinned to the app, links to the OS browser. */
export function createMainWindow(preloadPath: string, startUrl: string, devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath));
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
