import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { appResponseHeaders, resolveAppAsset } from '../../electron/main/app-asset';
import { contentTypeFor, CONTENT_SECURITY_POLICY } from '../../electron/web-assets';

const root = path.resolve('/srv/dossierkluis/out/renderer');

function isInsideRoot(file: string): boolean {
  const fromRoot = path.relative(root, file);
  return fromRoot !== '' && !path.isAbsolute(fromRoot) && fromRoot.split(path.sep)[0] !== '..';
}

describe('resolveAppAsset', () => {
  it('serves a good path from the root', () => {
    expect(resolveAppAsset(root, 'app://dossierkluis/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://dossierkluis/assets/index-abc123.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc123.js'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppAsset(root, 'app://dossierkluis/')).toBe(path.join(root, 'index.html'));
  });

  it('decodes percent-encoded names that stay inside the root', () => {
    expect(resolveAppAsset(root, 'app://dossierkluis/fonts/Rijks%20Sans.woff2')).toBe(path.join(root, 'fonts', 'Rijks Sans.woff2'));
  });

  it('keeps literal ../ segments inside the root (the URL parser collapses them at the origin)', () => {
    const result = resolveAppAsset(root, 'app://dossierkluis/../../etc/passwd');
    expect(result).toBe(path.join(root, 'etc', 'passwd'));
    expect(result !== null && isInsideRoot(result)).toBe(true);
  });

  it.each([
    ['encoded ../', 'app://dossierkluis/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded ../ in upper case', 'app://dossierkluis/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'],
    ['encoded ../ after a folder', 'app://dossierkluis/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['backslashes', 'app://dossierkluis/..\\..\\etc\\passwd'],
    ['encoded backslashes', 'app://dossierkluis/..%5c..%5cwindows%5cwin.ini'],
    ['absolute path after decoding', 'app://dossierkluis/%2fetc%2fpasswd'],
    ['double slash', 'app://dossierkluis//etc/passwd'],
    ['Windows drive path', 'app://dossierkluis/C:/Windows/win.ini'],
    ['encoded Windows drive path', 'app://dossierkluis/C%3A%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://dossierkluis/index.html%00.png'],
    ['malformed percent-encoding', 'app://dossierkluis/%E0%A4%A'],
    ['foreign host', 'app://evil/index.html'],
    ['look-alike host', 'app://dossierkluis.evil.com/index.html'],
    ['credentials trick', 'app://dossierkluis@evil/index.html'],
    ['other scheme', 'file:///srv/dossierkluis/out/renderer/index.html'],
    ['https', 'https://dossierkluis/index.html'],
    ['not a URL', '../../etc/passwd'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('decodes only once, so a double-encoded ../ is a harmless file name inside the root', () => {
    expect(resolveAppAsset(root, 'app://dossierkluis/%252e%252e%252f')).toBe(path.join(root, '%2e%2e%2f'));
  });

  it('cannot be tricked by a sibling folder sharing the root as a prefix', () => {
    const result = resolveAppAsset(root, 'app://dossierkluis/%2e%2e%2frenderer-evil%2fx.js');
    expect(result).toBeNull();
  });
});

describe('app:// response headers', () => {
  it('sends the strict CSP and nosniff on every response, errors included', () => {
    for (const headers of [appResponseHeaders('/x/index.html'), appResponseHeaders(null)]) {
      expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('allows nothing remote and nothing evaluated', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('relaxes images by blob: only (attachment previews), and nothing else', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:']);
    // blob: nowhere else: no script, worker, frame or connection from page-made URLs.
    for (const [name, values] of directives) if (name !== 'img-src') expect(values, name).not.toContain('blob:');
    expect(CONTENT_SECURITY_POLICY).not.toContain('data:');
    // pdf.js's worker is one of our own files: no worker-src or child-src beyond default-src 'self'.
    expect(directives.has('worker-src')).toBe(false);
    expect(directives.has('child-src')).toBe(false);
  });

  it('gives module scripts and styles their real MIME types', () => {
    expect(contentTypeFor('/a/index.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/INDEX.MJS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/app.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/a/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/a/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/a/unknown.bin')).toBe('application/octet-stream');
  });
});
