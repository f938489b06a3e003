// What the Electron app:// protocol and the browser host both need to serve the built renderer.
// Plain Node, no 'electron': electron/main and electron/host import it, and neither imports the other.
export { CONTENT_SECURITY_POLICY } from './content-security-policy';
export { contentTypeFor } from './content-types';
export { isInsideRoot, resolveAssetPath } from './asset-path';
