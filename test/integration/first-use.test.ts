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
});
