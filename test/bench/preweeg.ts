/**
 * Time to render a preweegdocument of a large dossier (100 subjects, 300 facts) to PDF
 * (headless Chromium, as in the browser host and the CLI) and to Word, through the core as the app
 * calls it. Absolute times on a shared machine say little; the point is the order of magnitude.
 *
 *   npx tsx test/bench/preweeg.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../electron/core/api/core';
import { FAST_KDF_FOR_TESTS } from '../../electron/core/vault/kdf';
import type { HandlerName, Input } from '../../shared/api';

const SUBJECTS = 100;
const FACTS = 300;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-preweeg-'));

async function main() {
  const core = new Core({ userDataDir: folder, host: 'browser', appVersion: 'bench', vault: { kdf: FAST_KDF_FOR_TESTS } });
  const call = <K extends HandlerName>(name: K, input: Input<K>) => core.call(name, input);
  await call('vault.create', { path: path.join(folder, 'bench.kluis'), passphrase: 'een lange bench-passphrase', displayName: 'Bench' });
  const dossier = await call('dossier.create', { title: 'Groot fictief dossier (bench)', partners: ['politie', 'belastingdienst', 'riec'] });
  for (let index = 0; index < SUBJECTS; index++) {
    const subject = await call('subject.create', { details: { type: 'person', name: `Persoon ${index} (fictief)` }, sourceGrade: 'B', informationGrade: 2 });
    await call('subject.linkToDossier', {
      subjectId: subject.id,
      dossierId: dossier.id,
      role: index % 10 === 0 ? 'kopstuk' : 'betrokkene',
      sourceGrade: 'B',
      informationGrade: 3,
    });
  }
  const partners = ['politie', 'belastingdienst', 'riec', 'gemeente_handhaving', null] as const;
  for (let index = 0; index < FACTS; index++) {
    await call('note.add', {
      dossierId: dossier.id,
      body: `Feit ${index}: een waarneming van enige lengte over het pand, de bedrijfsvoering en de betrokkenen (fictief).`,
      partner: partners[index % partners.length],
      sourceGrade: 'B',
      informationGrade: 2,
    });
  }
  const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    console.log(`${label.padEnd(28)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
    return value;
  };
  const draft = (await time('compose draft', () => call('document.compose', { dossierId: dossier.id }))) as unknown as { document: { id: number } };
  const documentId = draft.document.id;
  const docx = (await time('Word (.docx)', () => call('document.exportDocx', { documentId, targetPath: path.join(folder, 'groot.docx') }))) as unknown as { bytes: number };
  const pdf = (await time('PDF (headless Chromium)', () => call('document.exportPdf', { documentId, targetPath: path.join(folder, 'groot.pdf') }))) as unknown as {
    bytes: number;
  };
  await time('PDF again (warm)', () => call('document.exportPdf', { documentId, targetPath: path.join(folder, 'groot.pdf'), overwrite: true }));
  console.log(`sizes: docx ${docx.bytes} bytes, pdf ${pdf.bytes} bytes`);
  await core.dispose();
}

main()
  .finally(() => fs.rmSync(folder, { recursive: true, force: true }))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
