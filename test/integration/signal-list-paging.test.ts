import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { SignalSummary } from '../../shared/api/dossier-types';
import { coreContextFor, type CoreContext } from '../../electron/core/kernel/context';
import { listSignals, signalPageSql } from '../../electron/core/dossiers/signals';
import { moveToTrash } from '../../electron/core/dossiers/trash';
import { Vault } from '../../electron/core/vault/vault';
import { fill, type GenerateSizes } from '../bench/generate';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

/**
 * signal.list at the size of the benchmark's data (test/bench/generate.ts): a phenomenon's page is chosen from the
 * signals first and the trashed dossiers are counted from dossiers_in_trash. The pages must still be
 * exactly the ordered list without the signals of trashed dossiers, at every offset.
 */
const SIZES: GenerateSizes = { signals: 1_500, dossiers: 120, subjects: 200, links: 400, notes: 0, attachmentsMb: 0 };

describe('signal.list pages on generated data', () => {
  let vault: Vault;
  let context: CoreContext;
  let drugs: number;

  beforeAll(async () => {
    ({ vault } = await Vault.create(path.join(makeTempFolder(), 'signalen.kluis'), { passphrase: TEST_PASSPHRASE, displayName: 'T' }, FAST_VAULT_OPTIONS));
    fill(vault.database, 11, SIZES);
    context = coreContextFor(vault, () => new Date('2026-03-01T10:00:00Z'));
    // Some dossiers in the trash: their signals leave the list, its pages and its total.
    for (const dossierId of [3, 17, 40, 41, 99]) moveToTrash(context, { kind: 'dossier', id: dossierId });
    drugs = vault.database.prepare("SELECT id FROM phenomena WHERE code = 'drugs'").pluck().get() as number;
  });

  afterAll(() => vault.lock());

  /** The list as its definition says, in one straightforward query. */
  function expectedIds(phenomenonId: number | undefined, direction: 'ASC' | 'DESC'): number[] {
    return vault.database
      .prepare(
        `SELECT s.id FROM signals s LEFT JOIN dossiers d ON d.id = s.dossier_id
          WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL
            AND (? IS NULL OR s.phenomenon_id IN (SELECT id FROM phenomena WHERE id = ? OR parent_id = ?))
          ORDER BY s.received_on ${direction}, s.id ${direction}`,
      )
      .pluck()
      .all(phenomenonId ?? null, phenomenonId ?? null, phenomenonId ?? null) as number[];
  }

  function allPages(filter: Record<string, unknown>): { ids: number[]; totals: Set<number>; first: SignalSummary | undefined } {
    const ids: number[] = [];
    const totals = new Set<number>();
    let first: SignalSummary | undefined;
    for (let offset = 0; ; offset += 50) {
      const page = listSignals(context, api['signal.list'].input.parse({ ...filter, offset, limit: 50 }));
      totals.add(page.total);
      first ??= page.items[0];
      ids.push(...page.items.map((item) => item.id));
      if (page.items.length < 50) return { ids, totals, first };
    }
  }

  it('pages through a phenomenon with its sub-forms exactly as the ordered list, both directions, without trashed dossiers', () => {
    const trashedSignals = vault.database.prepare('SELECT count(*) FROM signals WHERE dossier_id IN (3, 17, 40, 41, 99)').pluck().get() as number;
    expect(trashedSignals).toBeGreaterThan(0);
    for (const direction of ['desc', 'asc'] as const) {
      const expected = expectedIds(drugs, direction === 'desc' ? 'DESC' : 'ASC');
      expect(expected.length).toBeGreaterThan(100);
      const { ids, totals, first } = allPages({ phenomenonId: drugs, direction });
      expect(ids).toEqual(expected);
      expect([...totals]).toEqual([expected.length]);
      // The page's rows still carry their dossier and phenomenon.
      const withDossier = listSignals(context, api['signal.list'].input.parse({ phenomenonId: drugs, direction })).items.find((item) => item.dossier);
      expect(withDossier?.dossier?.number).toMatch(/^\d{4}-\d{4}$/);
      expect(first?.phenomenon).not.toBeNull();
    }
  });

  it('counts the whole list without the signals of trashed dossiers', () => {
    const expected = expectedIds(undefined, 'DESC');
    const { ids, totals } = allPages({});
    expect(ids).toEqual(expected);
    expect([...totals]).toEqual([expected.length]);
  });

  it('picks a page of the whole list off its sort index alone, reading only the rows of the page, in every sort', () => {
    for (const sort of ['receivedOn', 'createdAt'] as const) {
      for (const direction of ['desc', 'asc'] as const) {
        const column = sort === 'createdAt' ? 's.created_at' : 's.received_on';
        const expected = vault.database
          .prepare(
            `SELECT s.id FROM signals s LEFT JOIN dossiers d ON d.id = s.dossier_id WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL
              ORDER BY ${column} ${direction}, s.id ${direction}`,
          )
          .pluck()
          .all() as number[];
        const { ids, totals } = allPages({ sort, direction });
        expect(ids).toEqual(expected);
        expect([...totals]).toEqual([expected.length]);
        const withDossier = listSignals(context, api['signal.list'].input.parse({ sort, direction, offset: 700, limit: 100 })).items.find((item) => item.dossier);
        expect(withDossier?.dossier?.number).toMatch(/^\d{4}-\d{4}$/);
      }
    }
    // A deep page walks the index to its offset; only its own rows are read from the table.
    const { page } = signalPageSql(api['signal.list'].input.parse({ offset: 1_400 }));
    const pagePlan = (vault.database.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...page.params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
    expect(pagePlan).toMatch(/SCAN s USING INDEX signals_by_received/);
    expect(pagePlan).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
  });

  it('reads trashed dossiers first when counting, and picks a phenomenon page from the signals alone', () => {
    const plan = (sql: string, params: unknown[]) =>
      (vault.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
    for (const filter of [{}, { phenomenonId: drugs }]) {
      const { count } = signalPageSql(api['signal.list'].input.parse(filter));
      // Without statistics the planner walked every signal to find the few in trashed dossiers.
      const trashedPart = plan(count.sql, count.params)
        .split(/SCALAR SUBQUERY \d+/)
        .at(-1)!;
      expect(trashedPart).toMatch(/^\s*SEARCH d USING COVERING INDEX dossiers_in_trash/);
      expect(trashedPart).toMatch(/SEARCH s USING INDEX signals_by_dossier \(dossier_id=\?\)/);
      expect(trashedPart).not.toMatch(/SCAN/);
    }
    const { page } = signalPageSql(api['signal.list'].input.parse({ phenomenonId: drugs, offset: 500 }));
    const pagePlan = plan(page.sql, page.params);
    expect(pagePlan).toMatch(/SEARCH s USING INDEX signals_by_phenomenon \(phenomenon_id=\?\)/);
    expect(pagePlan).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
    expect(pagePlan).not.toMatch(/SCAN s/);
  });
});
