import { describe, it, expect } from 'vitest';
import { isAppOriginUrl } from '../../electron/main/app-origin';
import { isAllowedRequestUrl } from '../../electron/main/request-filter';
import { isTrustedSender, isTrustedSenderUrl } from '../../electron/main/sender-check';

describe('isTrustedSenderUrl', () => {
  it('accepts the app page', () => {
    expect(isTrustedSenderUrl('app://dossierkluis/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://dossierkluis/')).toBe(true);
    expect(isTrustedSenderUrl('app://dossierkluis/index.html#/dossiers?x=1')).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['file URL', 'file:///home/user/out/renderer/index.html'],
    ['https with our host name', 'https://dossierkluis/'],
    ['foreign app host', 'app://evil/'],
    ['look-alike host', 'app://dossierkluis.evil.com/'],
    ['credentials trick', 'app://dossierkluis@evil/'],
    ['user info on our host', 'app://user:pass@dossierkluis/'],
    ['port on our host', 'app://dossierkluis:8080/'],
    ['loopback server', 'http://127.0.0.1:1234/'],
    ['javascript URL', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['missing host', 'app:///index.html'],
    ['opaque app path', 'app:dossierkluis/index.html'],
    ['malformed: no scheme', 'dossierkluis/index.html'],
    ['malformed: bad port', 'app://dossierkluis:99999/'],
    ['malformed: spaces in host', 'app://dossier kluis/'],
    ['malformed: only a scheme', 'app:'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const good = { url: 'app://dossierkluis/index.html', isMainFrame: true, isOurWindow: true };

  it('accepts the main frame of our window on the app origin', () => {
    expect(isTrustedSender(good)).toBe(true);
  });

  it('refuses a foreign frame even when it shows an app page', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false })).toBe(false);
  });

  it('refuses another window', () => {
    expect(isTrustedSender({ ...good, isOurWindow: false })).toBe(false);
  });

  it('refuses our main frame once it shows something else', () => {
    expect(isTrustedSender({ ...good, url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...good, url: undefined })).toBe(false);
  });
});

describe('navigation origin', () => {
  it('allows only the app origin', () => {
    expect(isAppOriginUrl('app://dossierkluis/other.html')).toBe(true);
    expect(isAppOriginUrl('https://example.org/')).toBe(false);
    expect(isAppOriginUrl('app://dossierkluis.example.org/')).toBe(false);
    expect(isAppOriginUrl(null)).toBe(false);
  });
});

describe('isAllowedRequestUrl (offline by design)', () => {
  const production = { allowDevTools: false };
  const development = { allowDevTools: true };

  it('lets the app origin and in-memory URLs through', () => {
    expect(isAllowedRequestUrl('app://dossierkluis/assets/index.js', production)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,iVBORw0KGgo=', production)).toBe(true);
    expect(isAllowedRequestUrl('blob:app://dossierkluis/6f1c1d1e-0000-4000-8000-000000000000', production)).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://127.0.0.1:1234/api',
    'ws://localhost:8080/',
    'wss://example.org/',
    'file:///etc/passwd',
    'ftp://example.org/',
    'app://evil/index.html',
    'chrome-extension://abc/script.js',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url, production)).toBe(false);
    expect(isAllowedRequestUrl(url, development)).toBe(false);
  });

  it('lets DevTools load only in development', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(isAllowedRequestUrl(url, production)).toBe(false);
    expect(isAllowedRequestUrl(url, development)).toBe(true);
  });
});
