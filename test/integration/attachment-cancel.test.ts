import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent, HandlerName, Input, Output, Result } from '../../shared/api';
import { Core, type CoreOptions } from '../../electron/core/api/core';
import type { CoreService } from '../../electron/core/api/core-service';
import { Vault } from '../../electron/core/vault/vault';
import { CoreWorkerClient } from '../../electron/core/worker/core-worker-client';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

const MiB = 1024 * 1024;
const workerSource = path.resolve('electron/core/worker/core-worker.ts');
const typescriptWorker = path.resolve('test/support/typescript-worker.mjs');

type Progress = Extract<CoreEvent, { type: 'job.progress' }>;

function writeRandomFile(filePath: string, bytes: number): void {
  const fd = fs.openSync(filePath, 'w', 0o600);
  try {
    for (let written = 0; written < bytes; written += MiB) fs.writeSync(fd, crypto.randomBytes(Math.min(MiB, bytes - written)));
  } finally {
    fs.closeSync(fd);
  }
}

async function openCore(make: (options: CoreOptions) => CoreService) {
  const core = make({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS, temporaryCopiesDir: makeTempFolder() });
  const vaultPath = path.join(makeTempFolder(), 'w.kluis');
  const call = <K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> => core.call(name, input);
  await call('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'P. Leider' });
  const dossier = await call('dossier.create', { title: 'Afbreken' });
  const sourcePath = path.join(makeTempFolder(), 'groot.bin');
  writeRandomFile(sourcePath, 40 * MiB);

  /** What the vault holds after the core let go of it: rows, and attachment actions in the trail. */
  async function vaultContents() {
    await call('vault.lock', {});
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      return {
        attachments: vault.database.prepare('SELECT count(*) FROM attachments').pluck().get() as number,
        chunks: vault.database.prepare('SELECT count(*) FROM attachment_chunks').pluck().get() as number,
        actions: vault
          .auditTrail(10_000)
          .map((entry) => entry.action)
          .filter((action) => action.startsWith('attachment.'))
          .reverse(),
      };
    } finally {
      vault.lock();
    }
  }
  return { core, call, dossier, sourcePath, vaultContents };
}

/** Start an import and ask for it to stop once `stopAt` of its bytes are in. */
async function importAndCancel(core: CoreService, dossierId: number, sourcePath: string, stopAt = 0.2) {
  let cancelAnswer: Result<unknown> | null = null;
  let asked = false;
  const unsubscribe = core.onEvent((event) => {
    if (event.type !== 'job.progress' || event.kind !== 'attachment-import' || asked) return;
    if (event.total > 1 && event.done >= event.total * stopAt && event.done < event.total) {
      asked = true;
      void core.callUntrusted('attachment.cancel', { jobId: event.jobId }).then((answer) => (cancelAnswer = answer));
    }
  });
  const result = await core.callUntrusted('attachment.import', { dossierId, sourcePath });
  unsubscribe();
  await expect.poll(() => cancelAnswer).not.toBeNull();
  return { result, cancelAnswer: cancelAnswer as Result<unknown> | null };
}

describe('attachment.cancel', () => {
  it('stops an import running in the worker thread, leaving nothing behind, and the next import works', async () => {
    const { core, call, dossier, sourcePath, vaultContents } = await openCore((options) => new CoreWorkerClient(options, typescriptWorker, [workerSource]));
    const { result, cancelAnswer } = await importAndCancel(core, dossier.id, sourcePath);
    expect(cancelAnswer).toEqual({ ok: true, value: { running: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await call('attachment.list', { dossierId: dossier.id })).toEqual([]);

    // The stop was for that job only: the next import runs to the end.
    const progress: Progress[] = [];
    core.onEvent((event) => event.type === 'job.progress' && progress.push(event));
    const kept = await call('attachment.import', { dossierId: dossier.id, sourcePath });
    expect(kept.byteSize).toBe(40 * MiB);
    const finishedJob = progress.at(-1)!.jobId;
    expect(await core.callUntrusted('attachment.cancel', { jobId: finishedJob })).toEqual({ ok: true, value: { running: false } });

    expect(await vaultContents()).toEqual({
      attachments: 1,
      chunks: 40,
      actions: ['attachment.list-viewed', 'attachment.imported'],
    });
    await core.dispose();
  });

  it('stops an import of the core in this thread (asked from its own progress event)', async () => {
    const { core, call, dossier, sourcePath, vaultContents } = await openCore((options) => new Core(options));
    const { result, cancelAnswer } = await importAndCancel(core, dossier.id, sourcePath, 0.5);
    expect(cancelAnswer).toEqual({ ok: true, value: { running: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await call('attachment.list', { dossierId: dossier.id })).toEqual([]);
    expect(await vaultContents()).toEqual({ attachments: 0, chunks: 0, actions: ['attachment.list-viewed'] });
    await core.dispose();
  });

  it('stops an export without leaving a file or a temporary sibling', async () => {
    // In this thread, so that the cancel is asked from the progress event itself: through a worker
    // a fast export can finish before its first event reaches this thread on a loaded machine.
    const { core, call, dossier, sourcePath } = await openCore((options) => new Core(options));
    const attachment = await call('attachment.import', { dossierId: dossier.id, sourcePath });
    const targetFolder = makeTempFolder();
    let asked = false;
    core.onEvent((event) => {
      if (event.type !== 'job.progress' || event.kind !== 'attachment-export' || asked || event.done < event.total / 4 || event.done >= event.total) return;
      asked = true;
      void core.callUntrusted('attachment.cancel', { jobId: event.jobId });
    });
    const result = await core.callUntrusted('attachment.export', { attachmentId: attachment.id, targetPath: path.join(targetFolder, 'uit.bin') });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(fs.readdirSync(targetFolder)).toEqual([]);
    await core.dispose();
  });

  it('does not stop a job that has not started yet, whatever number is guessed', async () => {
    const { core, call, dossier, sourcePath } = await openCore((options) => new Core(options));
    // Jobs so far: none (vault.create is not one). The next import will be job 1.
    expect(await core.callUntrusted('attachment.cancel', { jobId: 'attachment-import-1' })).toEqual({ ok: true, value: { running: false } });
    expect((await call('attachment.import', { dossierId: dossier.id, sourcePath })).byteSize).toBe(40 * MiB);
    for (const jobId of ['backup-1', 'attachment-import-0', 'attachment-import-x', 'attachment-import-1; DROP', '']) {
      expect(await core.callUntrusted('attachment.cancel', { jobId }), jobId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    await core.dispose();
  });
});
