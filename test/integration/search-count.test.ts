import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { SearchResult } from '../../shared/api/search';
import type { Core } from '../../electron/core/api/core';
import { COUNT_CAP, RANK_WHOLE_LIMIT } from '../../electron/core/dossiers/search';
import { createSignal } from '../../electron/core/dossiers/signals';
import { coreContextFor, type CoreContext } from '../../electron/core/kernel/context';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

/** The hits of one kind, best first. */
const hitsOf = (result: SearchResult, kind: string) => result.groups.find((group) => group.kind === kind)?.hits ?? [];

describe('search counts', () => {
  it('counts every visible match, not only the hits it returns', async () => {
    const { call } = await openDossierCore();
    for (let i = 0; i < 30; i++) await call('signal.create', { howReceived: 'meldpunt', summary: `Kamerverhuur melding ${i}` });
    const dossier = await call('dossier.create', { title: 'Kamerverhuur Prullenbakstraat' });
    for (let i = 0; i < 3; i++) {
      const signal = await call('signal.create', { howReceived: 'meldpunt', summary: `Kamerverhuur in het dossier ${i}` });
      await call('signal.attachToDossier', { signalId: signal.id, dossierId: dossier.id });
    }

    const result = await call('search.query', { query: 'kamerverh', limit: 5 });
    expect(hitsOf(result, 'signal')).toHaveLength(5);
    expect(hitsOf(result, 'dossier')).toHaveLength(1);
    expect(result.shown).toBe(6);
    expect(result.total).toBe(34);
    expect(result.totalIsMinimum).toBe(false);

    // A trashed dossier hides its own entry and the signals in it, in the count too.
    await call('trash.move', { kind: 'dossier', id: dossier.id });
    const hidden = await call('search.query', { query: 'kamerverh', limit: 5 });
    expect(hidden.total).toBe(30);
    expect(hitsOf(hidden, 'dossier')).toHaveLength(0);
    expect(hitsOf(hidden, 'signal').every((hit) => hit.dossierId === null)).toBe(true);
  });

  it('lists a broad query by title matches first, newest first, and ranks a narrower one whole', async () => {
    const { call, core, vaultPath } = await openDossierCore();
    const oldest = await call('signal.create', { howReceived: 'meldpunt', summary: 'Garagebox aan de Ringweg', description: 'Veel verkeer' });
    // More matches than are ranked whole, written straight into the vault in one transaction (through the core's own function).
    const bodyOnly = await withVault(core, vaultPath, (context) =>
      context.db.transaction(() =>
        Array.from(
          { length: RANK_WHOLE_LIMIT + 10 },
          (_, i) =>
            createSignal(context, api['signal.create'].input.parse({ howReceived: 'meldpunt', summary: `Melding ${i}`, description: `Gezien bij een garagebox, nummer ${i}` }))
              .id,
        ),
      )(),
    );
    const newest = await call('signal.create', { howReceived: 'meldpunt', summary: 'Tweede garagebox', description: 'Busjes' });

    const broad = await call('search.query', { query: 'garageb', limit: 4 });
    expect(broad.total).toBe(RANK_WHOLE_LIMIT + 12);
    expect(broad.totalIsMinimum).toBe(false);
    // Both title matches, newest first, however old; then the newest of the others.
    expect(hitsOf(broad, 'signal').map((hit) => hit.id)).toEqual([newest.id, oldest.id, bodyOnly.at(-1), bodyOnly.at(-2)]);

    // A narrower query is ranked by bm25 over all of its matches.
    expect(hitsOf(await call('search.query', { query: 'garagebox busjes', limit: 4 }), 'signal').map((hit) => hit.id)).toEqual([newest.id]);
    expect(hitsOf(await call('search.query', { query: 'ringweg', limit: 4 }), 'signal').map((hit) => hit.id)).toEqual([oldest.id]);
  });

  it('counts up to its cap and then says "more than"', async () => {
    const { call, core, vaultPath } = await openDossierCore();
    await withVault(core, vaultPath, (context) =>
      context.db.transaction(() => {
        for (let i = 0; i < COUNT_CAP + 5; i++) createSignal(context, api['signal.create'].input.parse({ howReceived: 'meldpunt', summary: `Woonfraude adres ${i}` }));
      })(),
    );
    const result = await call('search.query', { query: 'woonfr', limit: 3 });
    expect(result).toMatchObject({ total: COUNT_CAP, totalIsMinimum: true, shown: 3 });
    expect(await call('search.query', { query: 'woonfraude adres 10004', limit: 3 })).toMatchObject({ total: 1, totalIsMinimum: false });
  });
});

/** Locks the core's vault, runs `work` on the vault file opened directly (as the bench's generator does), and unlocks the core again. */
async function withVault<T>(core: Core, vaultPath: string, work: (context: CoreContext) => T): Promise<T> {
  await core.call('vault.lock', {});
  const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
  try {
    // No audit entry per generated row: they would only slow the test down.
    return work({ ...coreContextFor(vault), audit: () => undefined });
  } finally {
    vault.lock();
    await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
  }
}
