/**
 * The one Content-Security-Policy for the renderer, sent by the Electron app:// protocol and by
 * the browser host alike, so that the UI tested in Chromium runs under the policy it ships with.
 *
 * Our own scripts, styles, fonts and images only; nothing inline, nothing evaluated, nothing remote.
 * `connect-src 'self'` is what the browser host's fetch API needs (Electron talks over IPC and does
 * not use it). No `data:` images: nothing on screen needs them, and a page that starts to shows up
 * as a CSP refusal in the end-to-end tests.
 *
 * The one relaxation, `img-src blob:`, is for the preview of an image attachment: its bytes come
 * from the core (decrypted, never written to disk) and are shown through a Blob URL that the page
 * itself made and revokes when the preview closes. A blob: URL can only name memory of this
 * origin, so this admits nothing remote; scripts, frames and workers still load from 'self' only.
 * The PDF preview needs nothing extra: pdf.js draws into a <canvas>, its worker is one of our own
 * files (a same-origin module worker, covered by script-src 'self'), and eval stays off.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
