import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/host';
import { FAST_VAULT_OPTIONS } from '../support/temp-vault';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch will not let a test set its own Host header. */
function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('browser host', () => {
  let tempRoot: string;
  let host: RunningHost;
  let ownHost: string;

  const apiCall = (body: unknown, headers: Record<string, string | number> = {}) =>
    rawRequest(host.port, {
      method: 'POST',
      path: '/api/call',
      headers: { Host: ownHost, 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-host-'));
    const rendererDir = path.join(tempRoot, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
    // A file next to the renderer folder that traversal must never reach.
    fs.writeFileSync(path.join(tempRoot, 'secret.txt'), 'TOP SECRET');
    const dataDir = path.join(tempRoot, 'data');
    fs.mkdirSync(dataDir);
    host = await startHost({ port: 0, dataDir, rendererDir, vault: FAST_VAULT_OPTIONS });
    ownHost = `127.0.0.1:${host.port}`;
  });

  afterAll(async () => {
    await host?.close();
    fs.rmSync(tempRoot, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and hands the token over in the URL fragment', () => {
    expect((host.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers a correct call with the core result', async () => {
    const response = await apiCall({ name: 'vault.status', input: {} });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { state: 'locked', path: null, name: null, displayName: null } });
  });

  it('accepts localhost as the Host too', async () => {
    const response = await apiCall({ name: 'vault.status', input: {} }, { Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong token', async () => {
    const response = await apiCall({ name: 'vault.status', input: {} }, { Authorization: `Bearer ${'x'.repeat(43)}` });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses a missing token', async () => {
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/call',
      headers: { Host: ownHost, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'vault.status', input: {} }),
    });
    expect(response.status).toBe(403);
  });

  it('refuses the token in the query string', async () => {
    const response = await rawRequest(host.port, { path: `/api/events?token=${host.token}`, headers: { Host: ownHost } });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the right token', async () => {
    for (const foreign of ['evil.example:80', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, `0.0.0.0:${host.port}`]) {
      const response = await apiCall({ name: 'vault.status', input: {} }, { Host: foreign });
      expect(response.status, foreign).toBe(403);
    }
    const page = await rawRequest(host.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin header, even with the right token', async () => {
    for (const origin of ['http://evil.example', `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const response = await apiCall({ name: 'vault.status', input: {} }, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
  });

  it('answers 400 to malformed JSON and to a body that is not an object', async () => {
    expect((await apiCall('{"name": "vault.status", ')).status).toBe(400);
    expect((await apiCall('[1,2]')).status).toBe(400);
  });

  it('answers 415 to a body that is not declared JSON (a cross-site form could send text/plain)', async () => {
    const response = await apiCall(JSON.stringify({ name: 'vault.status', input: {} }), { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('answers 413 to an oversized body', async () => {
    const huge = JSON.stringify({ name: 'vault.status', input: { padding: 'x'.repeat(2 * 1024 * 1024) } });
    const response = await apiCall(huge);
    expect(response.status).toBe(413);
  });

  it('passes validation errors of the core through as results', async () => {
    const response = await apiCall({ name: 'vault.unlock', input: { bogus: 1 } });
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await apiCall({ name: 'vault.explode', input: {} });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
  });

  it('serves the renderer with a strict CSP and nosniff', async () => {
    const response = await rawRequest(host.port, { path: '/', headers: { Host: ownHost } });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>test</title>');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const script = await rawRequest(host.port, { path: '/assets/app.js', headers: { Host: ownHost } });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/index.html%00.js',
      '//etc/passwd',
    ];
    for (const attempt of attempts) {
      const response = await rawRequest(host.port, { path: attempt, headers: { Host: ownHost } });
      expect(response.status, attempt).not.toBe(200);
      expect(response.body, attempt).not.toContain('TOP SECRET');
      expect(response.body, attempt).not.toContain('root:');
    }
  });

  it('streams core events to a client that holds the token', async () => {
    // Only an unlocked vault can be locked, and only a lock emits an event.
    const vaultPath = path.join(tempRoot, 'data', 'events.kluis');
    await host.core.call('vault.create', { path: vaultPath, passphrase: 'correct paard batterij niet', displayName: 'Test' });
    const text = await new Promise<string>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: ownHost, Authorization: `Bearer ${host.token}` } },
        (response) => {
          if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
          let received = '';
          response.on('data', (chunk: Buffer) => {
            received += chunk.toString('utf8');
            if (received.includes(': connected')) Promise.resolve(host.core.lock('user')).catch(reject);
            if (received.includes('data: ')) {
              resolve(received);
              request.destroy();
            }
          });
        },
      );
      request.on('error', () => {});
      request.end();
    });
    expect(text).toContain('"type":"vault.locked"');
    expect(text).toContain('"reason":"user"');
  });
});
