// The app's one origin. Pure: no 'electron' import, so the checks built on it run in plain Node tests.

export const APP_SCHEME = 'app';
export const APP_HOST = 'dossierkluis';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Parses without throwing; a URL we cannot parse is never trusted. */
export function parseUrl(url: string | undefined | null): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for `app://dossierkluis/...`. Compares parsed parts, never raw strings: a prefix test
 * would let `app://dossierkluis.evil/` or `app://dossierkluis@evil/` through.
 */
export function isAppOriginUrl(url: string | undefined | null): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
