import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api, HANDLER_NAMES, type HandlerName, type Input, type Result } from '../../shared/api';
import { expectOk } from '../support/expect-ok';
import { makeTempFolder } from '../support/temp-vault';
import { BUNDLE_PASSPHRASE, fillSampleDossier, openBundleVault, type BundleVault } from './support/bundles';

/** Big enough that the export streams for many pieces after its first progress event. */
const EXPORT_BYTES = 24 * 1024 * 1024;

// Reads that are jobs themselves (a bundle inspection) wait their turn: the core runs one job at a time.
const READ_HANDLERS = HANDLER_NAMES.filter((name) => api[name].access === 'read' && api[name].lane !== 'streaming');

type ReadInputs = { [K in HandlerName]?: Input<K> };

/**
 * A bundle export holds no transaction while it streams (lane 'streaming'): every call declared
 * `access: 'read'` is answered between its pieces, and a write waits until it has ended.
 */
describe('calls beside a streaming bundle export', () => {
  let vault: BundleVault | undefined;

  afterAll(async () => {
    await vault?.core.dispose();
  });

  /** A vault with one of everything, and a valid input for each read handler. */
  async function seed(vault: BundleVault): Promise<{ dossierId: number; inputs: ReadInputs }> {
    const partner = await openBundleVault('Partner');
    const { call } = vault;
    const sample = await fillSampleDossier(vault, { attachmentBytes: EXPORT_BYTES, tlp: 'GREEN' });
    const dossierId = sample.dossier.id;
    const [png] = await call('attachment.list', { dossierId });
    const draft = await call('document.compose', { dossierId });
    const documentId = draft.document.id;
    await call('document.save', { documentId, baseVersion: 1, sections: { aanleiding: 'Tweede versie (test).' } });
    const meeting = await call('meeting.create', { kind: 'casustafel', heldOn: '2025-04-01', title: 'Casustafel (test)' });
    const cardPath = await partner.cardFile(makeTempFolder());
    await partner.core.dispose();
    const inputs: ReadInputs = {
      'app.info': {},
      'app.activity': {},
      'vault.recent': {},
      'vault.status': {},
      'settings.get': {},
      'phenomenon.list': {},
      'signal.get': { signalId: sample.signals[0]!.id },
      'signal.list': {},
      'dossier.get': { dossierId },
      'dossier.list': {},
      'dossier.history': { dossierId },
      'dossier.timeline': { dossierId },
      'dossier.matches': { dossierId },
      'note.list': { dossierId },
      'subject.get': { subjectId: sample.person.id },
      'subject.list': {},
      'subject.matches': { subjectId: sample.person.id },
      'measure.list': { dossierId },
      'trash.list': {},
      'attachment.list': { dossierId },
      'attachment.preview': { attachmentId: png!.id, length: 1024 },
      'attachment.cancel': { jobId: 'attachment-import-999' },
      'audit.list': {},
      'audit.verify': {},
      'search.query': { query: 'Hennep' },
      'bundle.identity': {},
      'addressBook.list': {},
      'addressBook.readCard': { path: cardPath },
      'bundle.exportPreview': { dossierIds: [dossierId], usePassphrase: true },
      'bundle.provenance': { kind: 'dossier', id: dossierId },
      'document.list': { dossierId },
      'document.get': { documentId },
      'document.compare': { documentId, fromVersion: 1, toVersion: 2 },
      'document.printView': { documentId },
      'meeting.list': {},
      'meeting.get': { meetingId: meeting.id },
      'meeting.actions': {},
      'meeting.preview': { meetingId: meeting.id, part: 'agenda' },
      'report.figures': { from: '2025-01-01', to: '2025-12-31' },
      'dashboard.figures': { from: '2025-01-01', to: '2025-12-31' },
      'retention.defaults': {},
      'retention.list': {},
      'retention.overview': {},
      'accessRequest.search': { name: 'Jan Testpersoon' },
      'register.get': {},
      'organisation.list': {},
      'legal-basis.list': {},
      'disclosure.list': { dossierId },
    };
    return { dossierId, inputs };
  }

  it('answers every read while the export runs, and a write only after it', async () => {
    vault = await openBundleVault('Exporteur');
    const { core } = vault;
    const { dossierId, inputs } = await seed(vault);
    // A new read handler needs its input here, or this test would not cover it.
    expect(Object.keys(inputs).sort(), 'every handler declared `access: read` needs a sample input in seed()').toEqual([...READ_HANDLERS].sort());

    const order: string[] = [];
    const answers = new Map<string, Result<unknown>>();
    let pending: Array<Promise<void>> = [];
    let fired = false;
    const unsubscribe = core.onEvent((event) => {
      if (fired || event.type !== 'job.progress' || event.kind !== 'bundle-export' || event.done === 0) return;
      // Well inside the export: the first percent of its bytes is out, the rest still to come.
      fired = true;
      pending = [
        ...READ_HANDLERS.map((name) =>
          core.callUntrusted(name, inputs[name]).then((answer) => {
            answers.set(name, answer);
            order.push(name);
          }),
        ),
        core.callUntrusted('dossier.update', { dossierId, summary: 'Bijgewerkt tijdens de export (test).' }).then((answer) => {
          answers.set('dossier.update', answer);
          order.push('dossier.update');
        }),
      ];
    });
    const exported = await core.callUntrusted('bundle.export', {
      dossierIds: [dossierId],
      usePassphrase: true,
      passphrase: BUNDLE_PASSPHRASE,
      targetPath: path.join(makeTempFolder(), 'groot.age'),
      // A passphrase names nobody, so GREEN would stay home: this test is about streaming, not the regime.
      override: { reason: 'Test van het schrijven naast andere aanroepen' },
    });
    order.push('bundle.export');
    unsubscribe();
    await Promise.all(pending);

    expectOk(exported);
    expect(fired).toBe(true);
    const exportAt = order.indexOf('bundle.export');
    const lateReads = READ_HANDLERS.filter((name) => order.indexOf(name) > exportAt);
    expect(lateReads, 'reads that waited for the export').toEqual([]);
    expect(order.indexOf('dossier.update'), 'the write waits for the export').toBeGreaterThan(exportAt);
    expectOk(answers.get('dossier.update')!);
    // Valid inputs: every read succeeded.
    const failed = READ_HANDLERS.filter((name) => answers.get(name)?.ok === false);
    expect(failed).toEqual([]);
  });
});
