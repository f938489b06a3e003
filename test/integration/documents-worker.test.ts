import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PdfRequest } from '../../electron/core/documents/pdf';
import { CoreWorkerClient } from '../../electron/core/worker/core-worker-client';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import type { HandlerName, Input } from '../../shared/api';

const workerSource = path.resolve('electron/core/worker/core-worker.ts');
const typescriptWorker = path.resolve('test/support/typescript-worker.mjs');

describe('document PDFs through the core worker', () => {
  it('asks the thread that owns Electron to render (printToPDF there), and writes what it answers', async () => {
    const requests: PdfRequest[] = [];
    const client = new CoreWorkerClient({ userDataDir: makeTempFolder(), host: 'electron', appVersion: 'test', vault: FAST_VAULT_OPTIONS }, typescriptWorker, [workerSource], {
      renderPdf: async (request) => {
        requests.push(request);
        return new TextEncoder().encode('%PDF-1.7 stand-in');
      },
    });
    try {
      const call = <K extends HandlerName>(name: K, input: Input<K>) => client.call(name, input);
      await call('vault.create', { path: path.join(makeTempFolder(), 'w.kluis'), passphrase: TEST_PASSPHRASE, displayName: 'Test' });
      const dossier = await call('dossier.create', { title: 'Dossier voor de PDF (demo)' });
      const draft = (await call('document.compose', { dossierId: dossier.id })) as { document: { id: number; dossierNumber: string } };
      const target = path.join(makeTempFolder(), 'uit.pdf');
      expect(await call('document.exportPdf', { documentId: draft.document.id, targetPath: target })).toMatchObject({ path: target, version: 1 });
      expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 stand-in');
      expect(requests).toHaveLength(1);
      expect(requests[0]!.html).toContain('<h2>1. Kop</h2>');
      expect(requests[0]!.footerTemplate).toContain('<span class="pageNumber"></span> van <span class="totalPages"></span>');
      expect(requests[0]!.headerTemplate).toContain(`Dossier ${draft.document.dossierNumber}`);
    } finally {
      await client.dispose();
    }
  }, 60_000);
});
