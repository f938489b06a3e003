import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempFolder } from '../support/temp-vault';
import { fillSampleDossier, introduce, openBundleVault, type BundleVault } from './support/bundles';

/**
 * Replay (issue 14, security 1): a bundle that was imported already is refused, and an older
 * bundle of a dossier never rolls back what a newer bundle from the same sender brought.
 */

async function exportTo(sender: BundleVault, dossierId: number, partnerId: number, name: string, include?: { notes: boolean }) {
  const target = path.join(makeTempFolder(), name);
  const result = await sender.call('bundle.export', {
    dossierIds: [dossierId],
    recipients: [{ partnerId }],
    targetPath: target,
    ...(include ? { include: { ...include, signals: true, subjects: true, measures: true, attachments: true } } : {}),
  });
  return { target, bundleId: result.bundleId };
}

async function localValues(vault: BundleVault, dossierId: number) {
  const dossier = await vault.call('dossier.get', { dossierId });
  const signals = await Promise.all(dossier.signals.map((signal) => vault.call('signal.get', { signalId: signal.id })));
  const measures = await vault.call('measure.list', { dossierId });
  const notes = await vault.call('note.list', { dossierId, includeInternal: true, limit: 100, offset: 0 });
  return {
    title: dossier.title,
    summary: dossier.summary,
    signals: signals.map((signal) => signal.summary).sort(),
    measures: measures.map((measure) => measure.description),
    notes: notes.items.map((note) => note.body).sort(),
  };
}

describe('bundle replay', () => {
  it('a bundle imported once is refused at inspection and at import, and the vault stays as it was', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a, { attachmentBytes: 5_000 });
    const { target } = await exportTo(a, sample.dossier.id, bInA, 'eenmaal.dkbundel');

    const inspection = await b.call('bundle.inspect', { path: target });
    await b.call('bundle.import', { path: target, manifestSha256: inspection.manifestSha256 });
    const before = await b.digest();

    const again = await b.fail('bundle.inspect', { path: target });
    expect(again.code).toBe('BUNDLE_ALREADY_IMPORTED');
    expect(again.details).toMatchObject({ bundleId: inspection.bundleId, importedOn: expect.stringMatching(/^\d\d-\d\d-\d{4} \d\d:\d\d$/) });
    // Straight to the import with the hash of the first inspection: refused too, nothing written.
    const replayed = await b.fail('bundle.import', { path: target, manifestSha256: inspection.manifestSha256 });
    expect(replayed.code).toBe('BUNDLE_ALREADY_IMPORTED');
    expect(await b.digest()).toBe(before);
    expect((await b.call('dossier.list', { limit: 50, offset: 0 })).total).toBe(1);
  });

  it('v2 then v1: the preview says v1 is older, the import keeps v2’s values item by item and still adds what only v1 has', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a, { attachmentBytes: 5_000 });
    const v1 = await exportTo(a, sample.dossier.id, bInA, 'v1.dkbundel');

    // A works on: every kind of item changes; v2 leaves the notes out, so the note is only in v1.
    await a.call('dossier.update', { dossierId: sample.dossier.id, title: 'Titel van v2', summary: 'Samenvatting van v2.' });
    await a.call('signal.update', { signalId: sample.signals[0]!.id, summary: 'Signaal volgens v2' });
    const [measure] = await a.call('measure.list', { dossierId: sample.dossier.id });
    await a.call('measure.update', { measureId: measure!.id, description: 'Maatregel volgens v2' });
    const v2 = await exportTo(a, sample.dossier.id, bInA, 'v2.dkbundel', { notes: false });

    const inspectV2 = await b.call('bundle.inspect', { path: v2.target });
    const first = await b.call('bundle.import', { path: v2.target, manifestSha256: inspectV2.manifestSha256 });
    const localId = first.dossiers[0]!.dossierId!;
    const afterV2 = await localValues(b, localId);
    expect(afterV2).toMatchObject({ title: 'Titel van v2', summary: 'Samenvatting van v2.', measures: ['Maatregel volgens v2'], notes: [] });
    expect(afterV2.signals).toContain('Signaal volgens v2');

    const inspectV1 = await b.call('bundle.inspect', { path: v1.target });
    expect(Date.parse(inspectV1.createdAt)).toBeLessThan(Date.parse(inspectV2.createdAt));
    expect(inspectV1.dossiers[0]).toMatchObject({
      existing: { id: localId },
      suggestedAction: 'update',
      newerFromSender: { bundleId: inspectV2.bundleId, bundleCreatedAt: inspectV2.createdAt },
    });
    // The newer bundle itself, had it come second, would not have been flagged.
    expect(inspectV2.dossiers[0]!.newerFromSender).toBeNull();

    const second = await b.call('bundle.import', { path: v1.target, manifestSha256: inspectV1.manifestSha256 });
    expect(second).toMatchObject({
      created: { notes: 1, signals: 0, measures: 0 },
      updated: { dossiers: 0, signals: 0, notes: 0, measures: 0 },
      keptNewer: { dossiers: 1, signals: 2, notes: 0, measures: 1 },
    });
    const trail = await b.call('audit.list', { limit: 20 });
    expect(trail.find((entry) => entry.action === 'bundle.imported')?.details).toMatchObject({
      bundleId: inspectV1.bundleId,
      keptNewer: { dossiers: 1, signals: 2, notes: 0, measures: 1 },
    });
    const afterV1 = await localValues(b, localId);
    expect(afterV1).toEqual({ ...afterV2, notes: ['Politie bevestigt nachtelijke bezoeken.'] });
    // v1's import is recorded for the note it added, not for the dossier it did not change.
    expect((await b.call('bundle.provenance', { kind: 'dossier', id: localId })).map((row) => row.bundleId)).toEqual([inspectV2.bundleId]);
  });
});
