import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/host';
import { resolveStaticFile } from '../../electron/host/static-files';
import { CONTENT_SECURITY_POLICY, resolveAssetPath } from '../../electron/web-assets';
import { FAST_VAULT_OPTIONS } from '../support/temp-vault';

// app-protocol.ts registers its handler with Electron's `protocol`; capture it to call it directly.
const electronMock = vi.hoisted(() => ({ handler: null as ((request: Request) => Promise<Response>) | null }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: () => {},
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
      electronMock.handler = handler;
    },
  },
}));

function hostResponseHeaders(port: number, urlPath: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, headers: { Host: `127.0.0.1:${port}` } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.headers));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('one policy for the Electron window and the browser host', () => {
  let tempRoot: string;
  let rendererDir: string;
  let host: RunningHost;

  beforeAll(async () => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-web-assets-'));
    rendererDir = path.join(tempRoot, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
    fs.writeFileSync(path.join(tempRoot, 'secret.txt'), 'TOP SECRET');
    const dataDir = path.join(tempRoot, 'data');
    fs.mkdirSync(dataDir);
    host = await startHost({ port: 0, dataDir, rendererDir, vault: FAST_VAULT_OPTIONS });
    const { registerAppProtocol } = await import('../../electron/main/app-protocol');
    registerAppProtocol(rendererDir);
  });

  afterAll(async () => {
    await host?.close();
    fs.rmSync(tempRoot, { recursive: true, force: true });
  });

  it('sends the identical CSP over app:// and over HTTP, for pages, scripts and errors alike', async () => {
    const handler = electronMock.handler;
    expect(handler).not.toBeNull();
    const policies = new Set<string | null | undefined>();
    for (const urlPath of ['/index.html', '/assets/app.js', '/missing.js']) {
      const appResponse = await handler!(new Request(`app://dossierkluis${urlPath}`));
      expect(appResponse.status, urlPath).toBe(urlPath === '/missing.js' ? 404 : 200);
      policies.add(appResponse.headers.get('content-security-policy'));
      const hostHeaders = await hostResponseHeaders(host.port, urlPath);
      policies.add(hostHeaders['content-security-policy'] as string | undefined);
    }
    expect([...policies]).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('serves the same MIME type for the same file on both', async () => {
    const appResponse = await electronMock.handler!(new Request('app://dossierkluis/assets/app.js'));
    const hostHeaders = await hostResponseHeaders(host.port, '/assets/app.js');
    expect(appResponse.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(hostHeaders['content-type']).toBe(appResponse.headers.get('content-type'));
  });

  it('in the host, also refuses a symbolic link that points out of the renderer folder', () => {
    const link = path.join(rendererDir, 'assets', 'escape.txt');
    try {
      fs.symlinkSync(path.join(tempRoot, 'secret.txt'), link);
    } catch {
      return; // no symlinks allowed here (Windows without the privilege): nothing to check
    }
    try {
      expect(resolveAssetPath(rendererDir, '/assets/escape.txt')).toBe(link);
      expect(resolveStaticFile(rendererDir, '/assets/escape.txt')).toBeNull();
      expect(resolveStaticFile(rendererDir, '/assets/app.js')).toBe(fs.realpathSync(path.join(rendererDir, 'assets', 'app.js')));
    } finally {
      fs.rmSync(link);
    }
  });
});

describe('resolveAssetPath', () => {
  const root = path.resolve('/srv/dossierkluis/out/renderer');

  it('maps / to index.html and other paths below the root', () => {
    expect(resolveAssetPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
  });

  it.each([
    ['raw ../ (the host sees the path before any URL parser)', '/../secret.txt'],
    ['raw ../ after a folder', '/assets/../../secret.txt'],
    ['encoded ../', '/%2e%2e%2fsecret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['a raw backslash', '/assets\\app.js'],
    ['double slash', '//etc/passwd'],
    ['encoded second slash', '/%2fetc/passwd'],
    ['Windows drive', '/C:/Windows/win.ini'],
    ['NUL byte', '/index.html%00.js'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['the root itself', '/.'],
    ['no leading slash', 'index.html'],
    ['a sibling sharing the prefix', '/../renderer-evil/x.js'],
  ])('refuses %s', (_label, urlPath) => {
    expect(resolveAssetPath(root, urlPath)).toBeNull();
  });
});
