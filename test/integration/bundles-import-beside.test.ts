/**
 * A responsive import (issue 14): the bundle import keeps all-or-nothing, but reads that write
 * nothing are answered while it runs, and never see half an import. The import streams the
 * attachments' chunks under reserved ids and writes every row at the end (bundles/import.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { fillSampleDossier, introduce, openBundleVault } from './support/bundles';

const MiB = 1024 * 1024;
/** Each test moves tens of MiB through two vaults (and a child process): minutes on a busy shared machine. */
const HEAVY = { timeout: 240_000 };

/** A and B know each other; A has a sample dossier with a large attachment, exported to B; B has dossiers of its own. */
async function bundleForB(attachmentBytes: number) {
  const a = await openBundleVault('Afzender');
  const b = await openBundleVault('Ontvanger');
  const { bInA } = await introduce(a, b);
  const { dossier } = await fillSampleDossier(a, { attachmentBytes });
  for (const title of ['Eigen dossier 1 (test)', 'Eigen dossier 2 (test)']) await b.call('dossier.create', { title });
  const bundle = path.join(makeTempFolder('kluis-bundel-'), 'groot.dkbundel');
  await a.call('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle });
  await a.core.dispose();
  const { manifestSha256 } = await b.call('bundle.inspect', { path: bundle });
  return { b, bundle, manifestSha256, title: dossier.title };
}

/** Rows per table, every table but the audit trail (an unlock and a lock add to it). */
async function rowCounts(vaultPath: string): Promise<Record<string, number>> {
  const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
  try {
    const db = vault.database;
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]));
  } finally {
    vault.lock();
  }
}

describe('a responsive bundle import', () => {
  it('answers reads that write nothing while a large import runs, without a trace of it; audited reads and writes wait', HEAVY, async () => {
    const { b, bundle, manifestSha256, title } = await bundleForB(32 * MiB);
    const own = (await b.call('dossier.list', { limit: 10, offset: 0 })).items;
    const order: string[] = [];
    const answers = new Map<string, Result<unknown>>();
    let pending: Array<Promise<void>> = [];
    let progressAtAsk = 0;
    const track = (name: string, answer: Promise<Result<unknown>>) =>
      answer.then((result) => {
        answers.set(name, result);
        order.push(name);
      });
    const stop = b.core.onEvent((event) => {
      if (pending.length > 0 || event.type !== 'job.progress' || event.kind !== 'bundle-import' || event.done < event.total / 2 || event.done >= event.total) return;
      // Halfway through the import: its transaction open, half of the large attachment's chunks written.
      progressAtAsk = event.done / event.total;
      pending = [
        track('dossier.list', b.core.callUntrusted('dossier.list', { limit: 10, offset: 0 })),
        track('subject.list', b.core.callUntrusted('subject.list', {})),
        track('meeting.list', b.core.callUntrusted('meeting.list', {})),
        // A read that writes its own "viewed" entry must not write it into the import's transaction.
        track('dossier.get', b.core.callUntrusted('dossier.get', { dossierId: own[0]!.id })),
        track('dossier.create', b.core.callUntrusted('dossier.create', { title: 'Tijdens de import (test)' })),
      ];
    });
    await b.call('bundle.import', { path: bundle, manifestSha256 });
    order.push('bundle.import');
    stop();
    await Promise.all(pending);

    expect(progressAtAsk).toBeGreaterThanOrEqual(0.5);
    expect(order.indexOf('dossier.list'), 'the list is answered before the import ends').toBeLessThan(order.indexOf('bundle.import'));
    expect(order.indexOf('subject.list')).toBeLessThan(order.indexOf('bundle.import'));
    expect(order.indexOf('meeting.list')).toBeLessThan(order.indexOf('bundle.import'));
    expect(order.indexOf('dossier.get'), 'an audited read waits').toBeGreaterThan(order.indexOf('bundle.import'));
    expect(order.indexOf('dossier.create'), 'a write waits').toBeGreaterThan(order.indexOf('bundle.import'));
    for (const [name, answer] of answers) expect(answer.ok, name).toBe(true);
    // What the list saw during the import: the vault as it was, nothing of the bundle yet.
    const during = answers.get('dossier.list') as Extract<Result<{ items: Array<{ id: number; title: string }> }>, { ok: true }>;
    expect(during.value.items.map((item) => item.title).sort()).toEqual(own.map((item) => item.title).sort());
    const after = await b.call('dossier.list', { limit: 10, offset: 0 });
    const imported = after.items.find((item) => item.title === title)!;
    const attachments = await b.call('attachment.list', { dossierId: imported.id });
    expect(attachments.map((attachment) => attachment.byteSize).sort((x, y) => x - y)).toEqual([3008, 32 * MiB]);
    await b.core.dispose();
  });

  it('an import that fails on its last attachment leaves the vault exactly as before', HEAVY, async () => {
    const { b, bundle, manifestSha256 } = await bundleForB(8 * MiB);
    // The same bundle cut 1 MiB short: everything is read and written up to the middle of its last entry, the large attachment.
    const cut = path.join(path.dirname(bundle), 'afgebroken.dkbundel');
    fs.writeFileSync(cut, fs.readFileSync(bundle).subarray(0, fs.statSync(bundle).size - MiB));
    let lastProgress = 0;
    const stop = b.core.onEvent((event) => {
      if (event.type === 'job.progress' && event.kind === 'bundle-import') lastProgress = Math.max(lastProgress, event.done / event.total);
    });
    const before = await b.digest();
    const failure = await b.fail('bundle.import', { path: cut, manifestSha256 });
    stop();
    expect(failure.code).toBe('BUNDLE_DAMAGED');
    expect(lastProgress).toBeGreaterThan(0.8);
    expect(await b.digest()).toBe(before);
    expect(fs.existsSync(`${b.vaultPath}-journal`)).toBe(false);
    // And the vault goes on: the whole bundle imports after all.
    const result = await b.call('bundle.import', { path: bundle, manifestSha256 });
    expect(result.created.attachments).toBe(2);
    await b.core.dispose();
  });

  it('a process killed mid-import leaves no rows and no orphan chunks after the next unlock', HEAVY, async () => {
    const { b, bundle, manifestSha256 } = await bundleForB(40 * MiB);
    await b.core.dispose();
    const before = await rowCounts(b.vaultPath);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'support', 'bundle-import-child.ts'),
        b.vaultPath,
        TEST_PASSPHRASE,
        bundle,
        manifestSha256,
        makeTempFolder('kluis-app-'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, exitSignal) => resolve(exitSignal)));
    expect(output.trim()).toBe('MID');
    expect(signal).toBe('SIGKILL');
    // Half of 40 MiB does not fit in the import's small cache: chunk pages were spilled into the vault, their originals journaled.
    expect(fs.existsSync(`${b.vaultPath}-journal`)).toBe(true);

    const vault = await Vault.unlock(b.vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      const db = vault.database;
      expect(fs.existsSync(`${b.vaultPath}-journal`)).toBe(false);
      expect(db.prepare('SELECT count(*) FROM attachment_chunks WHERE attachment_id NOT IN (SELECT id FROM attachments)').pluck().get()).toBe(0);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      vault.lock();
    }
    expect(await rowCounts(b.vaultPath)).toEqual(before);
  });
  it('stops, and writes nothing, when its transaction was rolled back underneath it', HEAVY, async () => {
    const { b, bundle, manifestSha256 } = await bundleForB(8 * MiB);
    const dossiersBefore = (await b.call('dossier.list', { limit: 50, offset: 0 })).total;
    // What SQLite does on its own after some I/O errors or a full disk in a statement beside the
    // import: the transaction is gone. Reached through the core's private vault, as nothing else can.
    const database = (b.core as unknown as { vault: { database: { exec(sql: string): void; inTransaction: boolean } } }).vault.database;
    let rolledBack = false;
    const stop = b.core.onEvent((event) => {
      if (rolledBack || event.type !== 'job.progress' || event.kind !== 'bundle-import' || event.done < event.total / 2) return;
      if (database.inTransaction) database.exec('ROLLBACK');
      rolledBack = true;
    });
    const result = await b.core.callUntrusted('bundle.import', { path: bundle, manifestSha256 });
    stop();
    expect(rolledBack).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    // Nothing went in statement by statement: no dossier, no import row, no orphan chunks.
    expect((await b.call('dossier.list', { limit: 50, offset: 0 })).total).toBe(dossiersBefore);
    expect(await b.call('bundle.inspect', { path: bundle })).toMatchObject({ manifestSha256 });
    await b.core.dispose();
    const counts = await rowCounts(b.vaultPath);
    expect(counts).toMatchObject({ bundle_imports: 0, attachment_chunks: 0 });
  });
});
