import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { appResponseHeaders, resolveAppAsset } from './app-asset';
import { APP_SCHEME } from './app-origin';

/**
 * Must run before 'ready'. `standard` gives the scheme real origins (relative URLs, storage),
 * `secure` makes it a secure context, `supportFetchAPI` lets module scripts and fetch() load.
 * No `corsEnabled` and no `bypassCSP`: other origins get nothing, and the CSP always applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `rootDir` on app://dossierkluis/ instead of file://. */
export function registerAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method Not Allowed');
    const filePath = resolveAppAsset(rootDir, request.url);
    if (!filePath) return plainResponse(404, 'Not Found');
    try {
      // The files come from our own build (inside the integrity-checked asar when packaged), so
      // the lexical guard shared with the host (electron/web-assets) is the boundary; symlinks
      // there would be our own doing. The host, serving a folder on disk, also compares real paths.
      const body = await fs.readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: appResponseHeaders(filePath),
      });
    } catch {
      return plainResponse(404, 'Not Found');
    }
  });
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders(null) });
}
