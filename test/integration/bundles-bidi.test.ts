import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { introduce, openBundleVault } from './support/bundles';

/**
 * Bidirectional controls from a bundle (issue 14, security 9): the preview names the fields that
 * carry them, and the command line never prints them raw.
 */

const RAW_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function kluis(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('electron/core/cli/kluis.ts'), ...args], {
    env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: TEST_PASSPHRASE },
    input: '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bidirectional controls in a bundle', () => {
  it('are flagged per field in the inspection and printed escaped by kluis', { timeout: 120_000 }, async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const dossier = await a.call('dossier.create', { title: 'Spoed: \u202Eexe.gnp\u202C', tlp: 'AMBER', openedOn: '2026-11-01' });
    const folder = makeTempFolder();
    const source = path.join(folder, 'foto\u202Egnp.exe');
    fs.writeFileSync(source, 'geen echte foto');
    await a.call('attachment.import', { dossierId: dossier.id, sourcePath: source, tlp: 'AMBER' });
    const bundle = path.join(folder, 'spoed.dkbundel');
    await a.call('bundle.export', { dossierIds: [dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle });

    const inspection = await b.call('bundle.inspect', { path: bundle });
    expect(inspection.invisibleText).toEqual([
      expect.objectContaining({ kind: 'dossier', field: 'title', dossierNumber: dossier.number, controls: ['U+202E', 'U+202C'] }),
      expect.objectContaining({ kind: 'attachment', field: 'fileName', label: 'foto\u202Egnp.exe', controls: ['U+202E'] }),
    ]);
    await b.call('vault.lock', {});

    const preview = kluis(['import', b.vaultPath, bundle]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).not.toMatch(RAW_CONTROLS);
    expect(preview.stdout).toContain('Spoed: <U+202E>exe.gnp<U+202C>');
    expect(preview.stdout).toMatch(/onzichtbare stuurtekens/i);
    expect(preview.stdout).toContain(`bijlage in ${dossier.number} foto<U+202E>gnp.exe: fileName (U+202E)`);

    const imported = kluis(['import', b.vaultPath, bundle, '--ja']);
    expect(imported.code, imported.stderr).toBe(0);
    const listing = kluis(['dossiers', b.vaultPath]);
    expect(listing.stdout).toContain('Spoed: <U+202E>exe.gnp<U+202C>');
    for (const output of [imported.stdout, imported.stderr, listing.stdout, listing.stderr, preview.stderr]) expect(output).not.toMatch(RAW_CONTROLS);
  });
});
