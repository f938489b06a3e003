import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/api/core';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

/** Issue 14, security 10, through the core as the app calls it: a name too long names the file. */
const LONG_NAME = `${'x'.repeat(300)}.kluis`;

describe('vault calls with a name over the system limit', () => {
  it('create, unlock and backup answer NAME_TOO_LONG with the name shortened, and create nothing', async () => {
    const folder = makeTempFolder();
    const core = new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS });
    try {
      for (const name of ['vault.create', 'vault.unlock'] as const) {
        const input =
          name === 'vault.create'
            ? { path: path.join(folder, LONG_NAME), passphrase: TEST_PASSPHRASE, displayName: 'P. Leider' }
            : { path: path.join(folder, LONG_NAME), passphrase: TEST_PASSPHRASE };
        expect(await core.callUntrusted(name, input), name).toMatchObject({
          ok: false,
          error: { code: 'NAME_TOO_LONG', details: { name: `${'x'.repeat(20)}…${'x'.repeat(10)}.kluis` } },
        });
      }
    } finally {
      await core.dispose();
    }
    expect(fs.readdirSync(folder)).toEqual([]);

    const { fail, core: open } = await openDossierCore();
    const target = makeTempFolder();
    expect(await fail('vault.backup', { targetPath: path.join(target, LONG_NAME) })).toMatchObject({ code: 'NAME_TOO_LONG', details: { path: path.join(target, LONG_NAME) } });
    // One name within the limit whose temporary sibling is not: named by the name the user gave.
    const nearlyTooLong = `${'y'.repeat(245)}.kluis`;
    expect(await fail('vault.backup', { targetPath: path.join(target, nearlyTooLong) })).toMatchObject({
      code: 'NAME_TOO_LONG',
      details: { name: `${'y'.repeat(20)}…${'y'.repeat(10)}.kluis` },
    });
    await open.dispose();
    expect(fs.readdirSync(target)).toEqual([]);
  });
});
