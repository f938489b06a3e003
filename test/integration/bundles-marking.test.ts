import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundleCommand } from '../../electron/core/cli/bundle-commands';
import type { TlpCode } from '../../shared/domain/enums';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE } from '../support/temp-vault';
import { ageIdentityOf, craftBundle, decryptBytes, encryptBytes, makeSigner, untar, writeTemp, type TarItem } from './support/bundle-craft';
import { fillSampleDossier, introduce, openBundleVault, type BundleVault } from './support/bundles';

/**
 * A bundle's marking is that of its most restricted item, whatever its signed manifest says: a
 * sender (or a broken exporter) that labels RED content CLEAR must not get a CLEAR preview.
 */

let root: string;
let a: BundleVault;
let b: BundleVault;
let bRecipient: string;
let validForB: string;
/** The entries after manifest.json and manifest.sig of a valid export, every item GREEN. */
let content: TarItem[];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bundles-marking-'));
  [a, b] = await Promise.all([openBundleVault('Afzender A', { root }), openBundleVault('Ontvanger B', { root })]);
  const { bInA } = await introduce(a, b);
  const sample = await fillSampleDossier(a, { tlp: 'GREEN', attachmentBytes: 20_000 });
  bRecipient = (await b.call('bundle.identity', {})).ageRecipient;
  validForB = path.join(root, 'groen.dkbundel');
  await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: validForB });
  content = (await untar(await decryptBytes(fs.readFileSync(validForB), { identity: await ageIdentityOf(b) }))).slice(2);
});

afterAll(async () => {
  await Promise.all([a, b].map((vault) => vault?.core.dispose()));
  fs.rmSync(root, { recursive: true, force: true });
});

type Json = Record<string, unknown> & { tlp: TlpCode };
type DossierJson = Json & Record<'signals' | 'subjects' | 'notes' | 'measures' | 'attachments', Json[]>;
type SubjectsJson = Record<'subjects' | 'links', Json[]>;

/** Where an item's code sits in the bundle's documents, one place per kind of item. */
const ITEM_KINDS: ReadonlyArray<[string, (dossier: DossierJson, subjects: SubjectsJson) => Json]> = [
  ['dossier', (dossier) => dossier],
  ['signal', (dossier) => dossier.signals[1]!],
  ['subject link of the dossier', (dossier) => dossier.subjects[0]!],
  ['note', (dossier) => dossier.notes[0]!],
  ['measure', (dossier) => dossier.measures[0]!],
  ['attachment', (dossier) => dossier.attachments[1]!],
  ['subject', (_, subjects) => subjects.subjects[0]!],
  ['link between subjects', (_, subjects) => subjects.links[0]!],
];

/** The valid content with one item's code changed, signed by a stranger with a manifest that says `declared`. */
async function crafted(declared: TlpCode, change?: { item: (typeof ITEM_KINDS)[number][1]; tlp: TlpCode }, recipient = bRecipient) {
  const dossierIndex = content.findIndex((item) => item.name.startsWith('dossiers/'));
  const subjectsIndex = content.findIndex((item) => item.name === 'subjects.json');
  const dossier = JSON.parse(content[dossierIndex]!.data.toString('utf8')) as DossierJson;
  const subjects = JSON.parse(content[subjectsIndex]!.data.toString('utf8')) as SubjectsJson;
  if (change) change.item(dossier, subjects).tlp = change.tlp;
  const edited = content.map((item, index) =>
    index === dossierIndex
      ? { ...item, data: Buffer.from(JSON.stringify(dossier)) }
      : index === subjectsIndex
        ? { ...item, data: Buffer.from(JSON.stringify(subjects)) }
        : item,
  );
  const signer = makeSigner();
  const { archive, manifestSha256 } = await craftBundle(edited, signer, {
    recipients: [recipient],
    edit: (manifest) => {
      manifest.tlp = declared;
    },
  });
  const file = writeTemp('gelabeld.dkbundel', await encryptBytes(archive, { recipients: [recipient] }));
  return { file, manifestSha256, acceptSender: signer.sender.fingerprint };
}

describe('the marking of a bundle comes from its items', () => {
  it('an honest bundle: the computed marking is the one the manifest states, and no warning', async () => {
    const inspection = await b.call('bundle.inspect', { path: validForB });
    expect(inspection).toMatchObject({ tlp: 'GREEN', declaredTlp: 'GREEN', tlpUnderstated: false });
  });

  it.each(ITEM_KINDS)('one RED %s under a manifest that says CLEAR: previewed as TLP:RED, with the warning', async (_, item) => {
    const bundle = await crafted('CLEAR', { item, tlp: 'RED' });
    const inspection = await b.call('bundle.inspect', { path: bundle.file });
    expect(inspection).toMatchObject({ tlp: 'RED', declaredTlp: 'CLEAR', tlpUnderstated: true });
  });

  it('the strictest code wins, and a manifest stricter than the items is no understatement', async () => {
    const amber = await crafted('GREEN', { item: ITEM_KINDS[3]![1], tlp: 'AMBER+STRICT' });
    expect(await b.call('bundle.inspect', { path: amber.file })).toMatchObject({ tlp: 'AMBER+STRICT', declaredTlp: 'GREEN', tlpUnderstated: true });
    const stricter = await crafted('RED');
    expect(await b.call('bundle.inspect', { path: stricter.file })).toMatchObject({ tlp: 'GREEN', declaredTlp: 'RED', tlpUnderstated: false });
  });

  it('the command line shows the computed marking and the same warning', async () => {
    const c = await openBundleVault('Ontvanger C');
    const { ageRecipient } = await c.call('bundle.identity', {});
    await c.core.dispose();
    const bundle = await crafted('GREEN', { item: ITEM_KINDS[0]![1], tlp: 'AMBER' }, ageRecipient);
    const lines: string[] = [];
    const context = { options: FAST_VAULT_OPTIONS, usage: '', credential: async () => TEST_PASSPHRASE, say: (line: string) => lines.push(line), note: () => undefined };
    await runBundleCommand('import', [c.vaultPath, bundle.file], context);
    expect(lines).toContain('Behandelcode: TLP:AMBER');
    expect(lines).toContain('LET OP: de afzender heeft de bundel gemarkeerd als TLP:GREEN, maar er zitten onderdelen in met TLP:AMBER. Behandel de bundel als TLP:AMBER.');
  });

  it('the import goes ahead, keeps each item’s own code, and records both markings in the audit trail', async () => {
    const bundle = await crafted('CLEAR', { item: ITEM_KINDS[1]![1], tlp: 'RED' });
    const inspection = await b.call('bundle.inspect', { path: bundle.file });
    const imported = await b.call('bundle.import', { path: bundle.file, manifestSha256: inspection.manifestSha256, acceptSender: bundle.acceptSender });
    const dossier = await b.call('dossier.get', { dossierId: imported.dossiers[0]!.dossierId! });
    expect(dossier.tlp).toBe('GREEN');
    expect(dossier.signals.map((signal) => signal.tlp).sort()).toEqual(['GREEN', 'RED']);
    const trail = await b.call('audit.list', { limit: 20 });
    expect(trail.find((entry) => entry.action === 'bundle.imported')?.details).toMatchObject({ bundleId: imported.bundleId, tlp: 'RED', declaredTlp: 'CLEAR' });
  });
});
