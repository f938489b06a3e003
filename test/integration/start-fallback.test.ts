import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Waits until `pattern` shows in the text the process wrote so far, or it exits, or time runs out. */
function waitForOutput(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output().match(pattern);
      if (match) done(() => resolve(match));
    }, 100);
    const onExit = (code: number | null) => done(() => reject(new Error(`npm start ended (exit ${code}) before ${pattern}:\n${output()}`)));
    const timeout = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output()}`))), timeoutMs);
    child.once('exit', onExit);
    function done(settle: () => void) {
      clearInterval(timer);
      clearTimeout(timeout);
      child.off('exit', onExit);
      settle();
    }
  });
}

/**
 * `npm start` (scripts/start.mjs) on a machine without the Electron binary and without a way to
 * get it: the real script, the real build and the real browser host, with only the environment
 * saying that no binary may be downloaded and that there is no system browser to open.
 */
describe('npm start without Electron', () => {
  let child: ChildProcess | null = null;
  const folders: string[] = [];

  afterEach(() => {
    // The whole process group: the script and the browser host it started.
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('starts the browser host instead, prints its address, and the host answers', { timeout: 120_000 }, async () => {
    const emptyDist = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-no-electron-'));
    const dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-start-data-'));
    folders.push(emptyDist, dataHome);
    let output = '';
    child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/start.mjs')], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // No binary here, and none to be fetched: as on a machine that cannot reach GitHub.
        ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: emptyDist,
        // Print the address rather than open a browser on the test machine.
        BROWSER: 'none',
        XDG_DATA_HOME: dataHome,
      },
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const [address] = await waitForOutput(child, () => output, /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/, 90_000);
    expect(output).toContain('Electron');
    expect(output).toMatch(/browser/i);

    const page = await fetch(address!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // The host keeps its data in the given folder, not in the user's own.
    expect(fs.existsSync(path.join(dataHome, 'dossierkluis-web'))).toBe(true);
  });
});
