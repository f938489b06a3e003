import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per start: whoever holds it may drive the core, so it never leaves this process except in the printed URL. */
export function createAccessToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Compare digests so that neither the content nor the length of the token leaks through timing. */
export function tokensMatch(expected: string, offered: string | null): boolean {
  if (offered === null) return false;
  const expectedDigest = crypto.createHash('sha256').update(expected).digest();
  const offeredDigest = crypto.createHash('sha256').update(offered).digest();
  return crypto.timingSafeEqual(expectedDigest, offeredDigest);
}

export function bearerTokenOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header);
  return match?.[1] ?? null;
}

/** The only Host values a page we served can send: anything else is a rebound DNS name. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/**
 * Refuse requests that a foreign site could make through the user's browser: a Host header that
 * is not ours (DNS rebinding) or an Origin header that is present and not ours (cross-site).
 */
export function foreignRequestReason(request: IncomingMessage, port: number): string | null {
  const host = request.headers.host;
  if (typeof host !== 'string' || !allowedHosts(port).has(host)) return 'foreign Host header';
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin)) return 'foreign Origin header';
  return null;
}
