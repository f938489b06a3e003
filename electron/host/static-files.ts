import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { contentTypeFor, isInsideRoot, resolveAssetPath } from '../web-assets';

/**
 * Map a URL path onto a regular file inside `root`, or null. The shared lexical guard refuses
 * `..`, encoded separators, NUL bytes and the like; then, because the host serves a folder on disk
 * (not the integrity-checked asar of the app), the real paths are compared too, so a symbolic link
 * inside the folder cannot point outside it.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  const candidate = resolveAssetPath(root, urlPath);
  if (!candidate) return null;
  const realRoot = safeRealPath(root);
  const realCandidate = safeRealPath(candidate);
  if (!realRoot || !realCandidate || !isInsideRoot(realRoot, realCandidate)) return null;
  try {
    return fs.statSync(realCandidate).isFile() ? realCandidate : null;
  } catch {
    return null;
  }
}

function safeRealPath(target: string): string | null {
  try {
    return fs.realpathSync(target);
  } catch {
    return null;
  }
}

export function serveStaticFile(response: ServerResponse, filePath: string, headOnly: boolean): void {
  const body = fs.readFileSync(filePath);
  response.writeHead(200, {
    'Content-Type': contentTypeFor(filePath),
    'Content-Length': body.length,
    // The host serves one build per start; no stale copies after a rebuild.
    'Cache-Control': 'no-cache',
  });
  response.end(headOnly ? undefined : body);
}
