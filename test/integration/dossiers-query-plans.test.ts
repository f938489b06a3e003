import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { coreContextFor, type CoreContext } from '../../electron/core/kernel/context';
import { dossierPageSql } from '../../electron/core/dossiers/dossiers';
import { DOSSIER_LINKS_OF_SUBJECT_SQL, linkSubjectToDossier } from '../../electron/core/dossiers/links';
import { LOOKALIKES_SQL } from '../../electron/core/dossiers/matching';
import { signalPageSql } from '../../electron/core/dossiers/signals';
import { createSubject, subjectPageSql } from '../../electron/core/dossiers/subjects';
import { createDossier } from '../../electron/core/dossiers/dossiers';
import type { SqlQuery } from '../../electron/core/dossiers/sql';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

/** The hot queries of the lists and of "komt ook voor in" are answered from their indexes, not by scanning the table. */
describe('query plans of the hot queries', () => {
  let vault: Vault;
  let context: CoreContext;

  beforeAll(async () => {
    ({ vault } = await Vault.create(path.join(makeTempFolder(), 'plannen.kluis'), { passphrase: TEST_PASSPHRASE, displayName: 'T' }, FAST_VAULT_OPTIONS));
    context = coreContextFor(vault);
    for (let index = 1; index <= 30; index++) {
      const dossier = createDossier(context, api['dossier.create'].input.parse({ title: `Fictief ${index}` }));
      const subject = createSubject(context, api['subject.create'].input.parse({ details: { type: 'address', postcode: '1234AB', houseNumber: index } }));
      linkSubjectToDossier(context, api['subject.linkToDossier'].input.parse({ subjectId: subject.id, dossierId: dossier.id, role: 'locatie' }));
    }
  });

  afterAll(() => vault.lock());

  function planOf(query: SqlQuery): string {
    // The query must run as well: a plan of a statement that fails would prove nothing.
    context.db.prepare(query.sql).all(...query.params);
    const rows = context.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as Array<{ detail: string }>;
    return rows.map((row) => row.detail).join('\n');
  }

  /**
   * The whole signal list picks its page's ids off the index in order; only the page's own rows,
   * read by id, are put in order again (the last step of the plan), never the list.
   */
  function expectOnlyThePageSorted(plan: string) {
    expect(plan.match(/TEMP B-TREE/g) ?? []).toHaveLength(1);
    expect(plan).toMatch(/SEARCH s USING INTEGER PRIMARY KEY[^]*USE TEMP B-TREE FOR ORDER BY$/);
  }

  it('the dossier list by status searches dossiers_by_status and needs no sort', () => {
    const plan = planOf(dossierPageSql(api['dossier.list'].input.parse({ statuses: ['in_opwerking'] })).page);
    expect(plan).toMatch(/SEARCH d USING INDEX dossiers_by_status \(status=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('the whole dossier list walks the number index in order', () => {
    const plan = planOf(dossierPageSql(api['dossier.list'].input.parse({})).page);
    expect(plan).toMatch(/SCAN d USING INDEX sqlite_autoindex_dossiers_1/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('the match-key lookup searches subject_match_keys_lookup', () => {
    const plan = planOf({ sql: LOOKALIKES_SQL, params: [1] });
    expect(plan).toMatch(/SEARCH other USING COVERING INDEX subject_match_keys_lookup \(kind=\? AND value=\?\)/);
    expect(plan).not.toMatch(/SCAN/);
  });

  it('the links of a subject search subject_dossier_links_by_subject', () => {
    const plan = planOf({ sql: DOSSIER_LINKS_OF_SUBJECT_SQL, params: [1] });
    expect(plan).toMatch(/SEARCH l USING INDEX subject_dossier_links_by_subject \(subject_id=\?\)/);
    expect(plan).not.toMatch(/SCAN/);
  });

  it('the signal and subject lists walk their partial indexes in order', () => {
    const signals = planOf(signalPageSql(api['signal.list'].input.parse({})).page);
    expect(signals).toMatch(/SCAN s USING INDEX signals_by_received/);
    expectOnlyThePageSorted(signals);
    const subjects = planOf(subjectPageSql(api['subject.list'].input.parse({})).page);
    expect(subjects).toMatch(/SCAN sj USING INDEX subjects_by_label/);
    expect(subjects).not.toMatch(/TEMP B-TREE/);
  });

  // Migration 0005: the other filters and sorts of the lists read their partial indexes.
  it('signals of a phenomenon search signals_by_phenomenon; signals by entry order walk signals_by_created', () => {
    const byPhenomenon = planOf(signalPageSql(api['signal.list'].input.parse({ phenomenonId: 1 })).page);
    // A phenomenon with its sub-forms is several index ranges; only the rows found are sorted.
    expect(byPhenomenon).toMatch(/SEARCH s USING INDEX signals_by_phenomenon \(phenomenon_id=\?\)/);
    expect(byPhenomenon).not.toMatch(/SCAN s/);
    for (const direction of ['asc', 'desc'] as const) {
      const byCreated = planOf(signalPageSql(api['signal.list'].input.parse({ sort: 'createdAt', direction })).page);
      expect(byCreated).toMatch(/SCAN s USING INDEX signals_by_created/);
      expectOnlyThePageSorted(byCreated);
    }
  });

  it('dossiers sorted by updated_at or opened_on walk their indexes; one owner searches dossiers_by_owner in number order', () => {
    const byUpdated = planOf(dossierPageSql(api['dossier.list'].input.parse({ sort: 'updatedAt' })).page);
    expect(byUpdated).toMatch(/SCAN d USING INDEX dossiers_by_updated/);
    expect(byUpdated).not.toMatch(/TEMP B-TREE/);
    const byOpened = planOf(dossierPageSql(api['dossier.list'].input.parse({ sort: 'openedOn', direction: 'asc' })).page);
    expect(byOpened).toMatch(/SCAN d USING INDEX dossiers_by_opened/);
    expect(byOpened).not.toMatch(/TEMP B-TREE/);
    const byOwner = planOf(dossierPageSql(api['dossier.list'].input.parse({ owner: 'Fictieve Eigenaar' })).page);
    expect(byOwner).toMatch(/SEARCH d USING INDEX dossiers_by_owner \(owner=\?\)/);
    expect(byOwner).not.toMatch(/TEMP B-TREE/);
  });
});
