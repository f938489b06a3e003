/**
 * The one Content-Security-Policy for the renderer, sent by the Electron app:// protocol and by
 * the browser host alike, so that the UI tested in Chromium runs under the policy it ships with.
 *
 * Our own scripts, styles, fonts and images only; nothing inline, nothing evaluated, nothing remote.
 * `connect-src 'self'` is what the browser host's fetch API needs (Electron talks over IPC and does
 * not use it). No `data:` or `blob:` images: nothing on screen needs them, and a page that starts to
 * shows up as a CSP refusal in the end-to-end tests.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
