import path from 'node:path';

/**
 * The file under `rootDir` that a URL path names (`/` names index.html), or null when it would
 * leave the root. Lexical only: it does not touch the disk (see the host for the symlink check).
 *
 * Decodes exactly once first, so `%2e%2e%2f` is seen as `../` (and `%252e` stays a harmless name);
 * then refuses what no asset name of ours holds (NUL, backslashes, which are separators on Windows,
 * a second leading slash or a drive letter, which would make path.resolve ignore the root), and
 * checks the resolved result with path.relative, which is immune to prefix tricks like `/root-evil`.
 */
export function resolveAssetPath(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return null;
  if (decoded.includes('\0') || decoded.includes('\\')) return null;

  const relativePath = decoded.slice(1) || 'index.html';
  if (path.isAbsolute(relativePath) || path.win32.isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) return null;

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, path.normalize(relativePath));
  return isInsideRoot(root, resolved) ? resolved : null;
}

/** True when `candidate` lies below `root` (not the root itself), compared with path.relative. */
export function isInsideRoot(root: string, candidate: string): boolean {
  const fromRoot = path.relative(root, candidate);
  return fromRoot !== '' && !path.isAbsolute(fromRoot) && fromRoot.split(path.sep)[0] !== '..';
}
