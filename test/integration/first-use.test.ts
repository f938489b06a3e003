import { describe, expect, it } from 'vitest';
import { openDossierCore } from './support/dossier-core';

/** What a new user meets first (issue 14, "What a new user met"), through the core on a real vault. */
describe('first use', () => {
  it("carries a signal's summary over into the dossier made from it", async () => {
    const { call } = await openDossierCore();
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Stankoverlast en afgeplakte ramen bij fictieve loods' });

    const made = await call('signal.toDossier', { signalId: signal.id, title: 'Loods Fictiefweg' });

    const dossier = await call('dossier.get', { dossierId: made.id });
    expect(dossier.title).toBe('Loods Fictiefweg');
    expect(dossier.summary).toBe('Stankoverlast en afgeplakte ramen bij fictieve loods');
  });
  it('counts one fact, one subject and one signal in the singular in a composed document', async () => {
    const { call } = await openDossierCore();
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Fictieve melding over een loods' });
    const dossier = await call('signal.toDossier', { signalId: signal.id });
    await call('note.add', { dossierId: dossier.id, body: 'Eén fictieve notitie.' });
    const subject = await call('subject.create', { details: { type: 'person', name: 'Fictieve Persoon' } });
    await call('subject.linkToDossier', { subjectId: subject.id, dossierId: dossier.id, role: 'eigenaar' });

    const draft = await call('document.compose', { dossierId: dossier.id, audience: { kind: 'internal' } });

    expect(draft.sections.probleembeschrijving).toContain('- Omvang: 1 signaal, 1 betrokken subject of object, 1 feit van partners en eigen diensten');
  });
});
