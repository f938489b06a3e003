// Maps app:// URLs to files of the built renderer, and the headers they are served with.
// Pure (no 'electron'), so the path-traversal guard is unit-tested in plain Node.
import path from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused without a JavaScript MIME type, so unknown types must not guess. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

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
 * leave the root. Decodes first (so `%2e%2e%2f` is seen as `../`), then resolves and checks the
 * result with path.relative, which is immune to prefix tricks like `/root-evil`.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // No legitimate asset name holds a NUL or a backslash; on Windows a backslash is a separator.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;

  // Drop exactly the one leading slash; a second one (`//etc`, `/%2fetc`) leaves an absolute path.
  const relativePath = decoded.slice(1) || 'index.html';
  // `/C:/x` or `//server/share` would make path.resolve ignore the root on Windows.
  if (path.isAbsolute(relativePath) || path.win32.isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) return null;

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, path.normalize(relativePath));
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '' || path.isAbsolute(fromRoot) || fromRoot.split(path.sep)[0] === '..') return null;
  return resolved;
}
