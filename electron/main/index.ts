import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { app, protocol, session, utilityProcess } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/domain/csp';
import { createBackend, type Backend } from '../backend/create-backend';
import { mlflowStoreFor } from '../backend/tracking/mlflow-store';
import { hostTrackingControl } from '../host/tracking-control';
import { utilityLauncher } from './analysis-launcher';
import { resolveAppFile } from './app-protocol';
import { forwardEvents, registerIpc } from './ipc';
import { APP_ORIGIN, APP_SCHEME, isAllowedRequest, permissionDecision } from './security';
import { createMainWindow } from './window';

// Electron main: the composition root of the desktop app. All decisions live in security.ts.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererRoot = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let backend: Backend | null = null;

async function ready(): Promise<void> {
  const dataDir = process.env.TALLY_DATA_DIR || app.getPath('userData');
  backend = createBackend({
    dataDir,
    host: 'electron',
    analysisLauncher: utilityLauncher(utilityProcess.fork),
    // The MLflow tracking API (Settings > Tracking): off until the user turns it on, then kept on.
    trackingControl: hostTrackingControl({ storeFor: mlflowStoreFor, ...(process.env.TALLY_TOKEN ? { token: process.env.TALLY_TOKEN } : {}) }),
  });
  backend.setListeners([]);
  void backend.context.trackingControl?.resume();

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
      return new Response(body, { headers: { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl, devServerUrl)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin, devServerUrl));
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) });
  });

  registerIpc(backend, devServerUrl);
  const win = createMainWindow(preloadPath, devServerUrl ?? `${APP_ORIGIN}/index.html`, devServerUrl);
  forwardEvents(backend, win.webContents);
  // The launcher (tally start) waits for this line to know the window came up.
  process.stdout.write('TALLY_READY\n');
}

// Requests in flight to the tracking API finish, and group-committed writes land, before the file closes.
let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !backend) return;
  event.preventDefault();
  quitting = true;
  const b = backend;
  void (b.context.trackingControl?.stop() ?? Promise.resolve()).finally(() => {
    b.close();
    app.quit();
  });
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(ready, (e) => {
  console.error(`Tally could not start: ${(e as Error).message}`);
  app.exit(1);
});

app.on('window-all-closed', () => {
  backend?.close();
  app.quit();
});

process.on('uncaughtException', (e) => {
  console.error(`Tally could not start: ${e.message}`);
  app.exit(1);
});
