// Which requests a renderer may make. The app is offline by design: nothing leaves the machine.
import { isAppOriginUrl, parseUrl } from './app-origin';

/**
 * data: and blob: are allowed because they never leave the process (the CSP allows them for
 * images); every other scheme (http, https, ws, file, ftp, ...) is cancelled. DevTools loads its
 * own front end over devtools://, which only development builds may open.
 */
export function isAllowedRequestUrl(url: string, options: { allowDevTools: boolean }): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'app:':
      return isAppOriginUrl(url);
    case 'data:':
    case 'blob:':
      return true;
    case 'devtools:':
      return options.allowDevTools;
    default:
      return false;
  }
}
