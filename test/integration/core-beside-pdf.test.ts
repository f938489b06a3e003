import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/api/core';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

/**
 * A PDF takes Chromium seconds to render. While it does, the core holds no transaction, so reads
 * are answered meanwhile; writes and the lock still wait their turn behind the render.
 */
describe('calls beside a PDF render', () => {
  it('answers a list while the report renders, and a write only after it', async () => {
    let release: (bytes: Uint8Array) => void = () => undefined;
    let renderStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (renderStarted = resolve));
    const core = new Core(
      { userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS },
      {
        // Chromium stands in here as a render that ends when the test says so.
        renderPdf: () => {
          renderStarted();
          return new Promise<Uint8Array>((resolve) => (release = resolve));
        },
      },
    );
    try {
      await core.call('vault.create', { path: path.join(makeTempFolder(), 'w.kluis'), passphrase: TEST_PASSPHRASE, displayName: 'Test' });
      const target = path.join(makeTempFolder(), 'jaarrapportage.pdf');
      const order: string[] = [];
      const exported = core.call('report.exportPdf', { from: '2025-01-01', to: '2025-12-31', targetPath: target }).then(() => order.push('pdf'));
      await started;
      expect((await core.call('dossier.list', { limit: 10, offset: 0 })).items).toEqual([]);
      order.push('list');
      const created = core.call('dossier.create', { title: 'Geschreven na de PDF (test)' }).then(() => order.push('write'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(order).toEqual(['list']);
      release(new TextEncoder().encode('%PDF-1.7 stand-in'));
      await Promise.all([exported, created]);
      expect(order).toEqual(['list', 'pdf', 'write']);
      expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 stand-in');
    } finally {
      await core.dispose();
    }
  });
});
