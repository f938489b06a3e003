import type { ParsedInput } from '../../../shared/api';
import { SEARCH_KINDS, SEARCH_MATCH_END, SEARCH_MATCH_START, type SearchHit, type SearchKind, type SearchResult } from '../../../shared/api/search';
import type { DossierContext } from './context';

/**
 * The search over the FTS5 index of migration 0006 (electron/core/vault/migrations/0006-search.ts).
 *
 * The user's words never reach FTS5 as syntax: the query is cut into runs of letters and digits
 * (everything else, quotes, `*`, `-`, `(`, `:` and `^` included, separates words), each run is
 * quoted and made a prefix (`"hennep"*`), and the runs are joined by spaces, which FTS5 reads as
 * AND. A word such as AND, OR, NOT or NEAR is therefore just a quoted word. The tokenizer folds case
 * and diacritics on both sides, so "cafe" finds "café" and "CAFÉ" finds "cafe".
 */

/** At most this many words are used; more only make the query slower, not better. */
const MAX_TERMS = 16;

/** Words of the query, NFC-normalised, letters and digits only. */
export function searchTerms(query: string): string[] {
  return (query.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/** The FTS5 query for the user's words, or null when there is no word to look for. */
export function ftsQuery(query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  // A term holds letters, digits and marks only, so it cannot contain a double quote; quoting it
  // anyway makes every word a plain string to FTS5, whatever it spells.
  return terms.map((term) => `"${term}"*`).join(' ');
}

/** Title counts ten times the body in the ranking; the UNINDEXED columns get weight 0. */
const RANK = 'bm25(search_index, 0, 0, 0, 0, 10.0, 1.0)';
/** Snippet length in tokens. */
const SNIPPET_TOKENS = 16;

/** Items under a trashed dossier keep their index entries but are hidden, as everywhere else. */
const VISIBLE = 'AND (s.dossier_id IS NULL OR EXISTS (SELECT 1 FROM dossiers d WHERE d.id = s.dossier_id AND d.deleted_at IS NULL))';

interface HitRow {
  kind: SearchKind;
  item_id: number;
  dossier_id: number | null;
  dossier_number: string | null;
  internal: number;
  title: string;
  snippet: string;
}

export function search(context: DossierContext, input: ParsedInput<'search.query'>): SearchResult {
  const match = ftsQuery(input.query);
  const hits = match === null ? [] : findHits(context, match, input.limit);
  const groups = SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((hit) => hit.kind === kind) })).filter((group) => group.hits.length > 0);
  // The query itself is not recorded: it can hold names. The number of hits is.
  context.audit('search.performed', { hits: hits.length });
  return { groups, total: hits.length };
}

function findHits(context: DossierContext, match: string, limitPerKind: number): SearchHit[] {
  // First the best `limitPerKind` entries of each kind, by rowid; then the snippets of those only.
  const chosen = context.db
    .prepare(
      `SELECT id FROM (
         SELECT s.rowid AS id, row_number() OVER (PARTITION BY s.kind ORDER BY ${RANK}, s.rowid) AS n
         FROM search_index s WHERE search_index MATCH @match ${VISIBLE}
       ) WHERE n <= @limit`,
    )
    .pluck()
    .all({ match, limit: limitPerKind }) as number[];
  if (chosen.length === 0) return [];
  const rows = context.db
    .prepare(
      `SELECT s.kind, s.item_id, s.dossier_id, s.internal, s.title,
              (SELECT d.number FROM dossiers d WHERE d.id = s.dossier_id) AS dossier_number,
              snippet(search_index, -1, @start, @end, '…', ${SNIPPET_TOKENS}) AS snippet
       FROM search_index s
       WHERE search_index MATCH @match AND s.rowid IN (SELECT value FROM json_each(@chosen))
       ORDER BY ${RANK}, s.rowid`,
    )
    .all({ match, chosen: JSON.stringify(chosen), start: SEARCH_MATCH_START, end: SEARCH_MATCH_END }) as HitRow[];
  return rows.map((row) => ({
    kind: row.kind,
    id: row.item_id,
    dossierId: row.dossier_id,
    dossierNumber: row.dossier_number,
    title: row.title,
    snippet: row.snippet,
    internal: row.internal === 1,
  }));
}
