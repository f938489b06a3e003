import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Core, type CoreOptions } from '../core/api/core';
import type { CoreService } from '../core/api/core-service';
import { CoreWorkerClient } from '../core/worker/core-worker-client';
import type { PathOpener } from '../core/attachments/temporary-copies';
import type { BundleOptions } from '../core/bundles/export';
import type { VaultOptions } from '../core/vault/vault';
import { handleApiCall, handleEventStream } from './api-routes';
import { sendError, setSecurityHeaders } from './http-utils';
import { openWithDesktop } from './open-path';
import { bearerTokenOf, createAccessToken, foreignRequestReason, tokensMatch } from './security';
import { resolveStaticFile, serveStaticFile } from './static-files';

export interface HostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Per-user folder for app state outside any vault (recent list), and the default vault folder. */
  dataDir: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  appVersion?: string;
  defaultVaultDir?: string;
  vault?: VaultOptions;
  /** Bundle settings: tests lower the scrypt work factor of passphrase bundles (cli-options FAST_BUNDLES). */
  bundles?: BundleOptions;
  /** Tests only: auto-lock after this many seconds of inactivity. */
  autoLockSeconds?: number;
  /**
   * Run the core in a worker thread from this script (out/host/core-worker.mjs), so that Argon2id
   * and long vault work never stall the HTTP server. Without it the core runs in this thread.
   */
  coreWorker?: { script: string; argv?: string[] };
  /**
   * How attachment.openCopy opens a temporary copy: the desktop's opener by default (the host
   * runs on the user's machine), null for none (the core then answers OPEN_FAILED); tests give a fake.
   */
  openPath?: PathOpener | null;
  /** Tests only: where the core makes its temporary copies (the system's temporary folder otherwise). */
  temporaryCopiesDir?: string;
}

export interface RunningHost {
  /** The address to open: it carries the token in the fragment, which browsers never send. */
  url: string;
  port: number;
  token: string;
  server: http.Server;
  core: CoreService;
  /** Lock the vault, end the event streams and stop listening. */
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** Serve the renderer and the core's API on 127.0.0.1 only, guarded by a per-start token. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const coreOptions: CoreOptions = {
    userDataDir: options.dataDir,
    defaultVaultDir: options.defaultVaultDir,
    host: 'browser',
    appVersion: options.appVersion ?? '0.0.0-dev',
    vault: options.vault,
    autoLockSecondsOverride: options.autoLockSeconds,
    temporaryCopiesDir: options.temporaryCopiesDir,
    bundles: options.bundles,
  };
  const openPath = options.openPath === undefined ? openWithDesktop() : (options.openPath ?? undefined);
  const core: CoreService = options.coreWorker
    ? new CoreWorkerClient(coreOptions, options.coreWorker.script, options.coreWorker.argv, { openPath })
    : new Core(coreOptions, { openPath });
  const token = createAccessToken();
  const openStreams = new Set<ServerResponse>();
  let port = 0;

  const server = http.createServer((request, response) => {
    setSecurityHeaders(response);
    routeRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', (error as Error)?.message ?? 'internal error');
      else response.destroy();
    });
  });

  async function routeRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = foreignRequestReason(request, port);
    if (refusal) {
      request.resume();
      sendError(response, 403, 'FORBIDDEN_SENDER', refusal);
      return;
    }
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (!pathname.startsWith('/')) {
      request.resume();
      sendError(response, 400, 'INVALID_INPUT', 'request target must be a path');
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      if (!tokensMatch(token, bearerTokenOf(request))) {
        request.resume();
        sendError(response, 403, 'FORBIDDEN_SENDER', 'missing or wrong token');
        return;
      }
      if (pathname === '/api/call' && request.method === 'POST') return handleApiCall(request, response, core);
      if (pathname === '/api/events' && request.method === 'GET') return handleEventStream(request, response, core, openStreams);
      request.resume();
      sendError(response, 404, 'UNKNOWN_HANDLER', 'no such API route');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume();
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveStaticFile(options.rendererDir, pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    serveStaticFile(response, file, request.method === 'HEAD');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      // Locking folds the WAL and wipes the key; the server stops once that is done.
      const disposed = Promise.resolve(core.dispose());
      for (const stream of openStreams) stream.end();
      openStreams.clear();
      server.close(() => void disposed.then(resolve, resolve));
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://${LOOPBACK}:${port}/#token=${token}`, port, token, server, core, close };
}
