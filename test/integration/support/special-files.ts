import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * A named pipe (mkfifo) with no writer. Opening it for reading blocks until a writer comes, so
 * code that opens it by mistake would hang the test run for good: a shell opens it for writing
 * after `releaseAfterMs`, which lets such an open return (late, so the test still fails on time).
 */
export function makeFifo(folder: string, name: string, releaseAfterMs = 3000): { path: string; dispose(): void } {
  const fifoPath = path.join(folder, name);
  execFileSync('mkfifo', ['-m', '600', fifoPath]);
  const writer = spawn('sh', ['-c', `sleep ${releaseAfterMs / 1000}; exec 3>"$1"`, 'sh', fifoPath], { stdio: 'ignore' });
  return { path: fifoPath, dispose: () => writer.kill('SIGKILL') };
}

/** A listening Unix socket at `folder/name`; open() on it fails with ENXIO rather than reading. */
export async function makeSocket(folder: string, name: string): Promise<{ path: string; dispose(): Promise<void> }> {
  const socketPath = path.join(folder, name);
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { path: socketPath, dispose: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Run `action` and measure how long it took, so that a refusal can be shown to come at once. */
export async function timed<T>(action: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await action();
  return { value, ms: performance.now() - started };
}
