// Maps app:// URLs to files of the built renderer, and the headers they are served with.
// Pure (no 'electron'), so the path-traversal guard is unit-tested in plain Node. The policy, the
// MIME types and the guard itself are shared with the browser host (electron/web-assets).
import { contentTypeFor, CONTENT_SECURITY_POLICY, resolveAssetPath } from '../web-assets';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin';

/** Headers for every app:// response, including errors, so no response is ever without the CSP. */
export function appResponseHeaders(filePath: string | null): Record<string, string> {
  return {
    'Content-Type': filePath ? contentTypeFor(filePath) : 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The file under `rootDir` that `requestUrl` names, or null when the URL is not ours or would
 * leave the root (see resolveAssetPath).
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  return resolveAssetPath(rootDir, url.pathname);
}
