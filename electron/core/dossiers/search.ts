import type { ParsedInput } from '../../../shared/api';
import { SEARCH_KINDS, SEARCH_MATCH_END, SEARCH_MATCH_START, type SearchHit, type SearchKind, type SearchResult } from '../../../shared/api/search';
import type { CoreContext } from '../kernel/context';

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

/** Ranked candidates per kind: twice the limit, so that a few hidden ones do not leave a kind short. */
const CANDIDATE_FACTOR = 2;

interface HitRow {
  id: number;
  kind: SearchKind;
  item_id: number;
  dossier_id: number | null;
  dossier_number: string | null;
  internal: number;
  title: string;
  body: string;
}

export function search(context: CoreContext, input: ParsedInput<'search.query'>): SearchResult {
  const match = ftsQuery(input.query);
  const hits = match === null ? [] : findHits(context, match, searchTerms(input.query), input.limit);
  const groups = SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((hit) => hit.kind === kind) })).filter((group) => group.hits.length > 0);
  // The query itself is not recorded: it can hold names. The number of hits is.
  context.audit('search.performed', { hits: hits.length });
  return { groups, total: hits.length };
}

/**
 * The rowids of the best `limitPerKind` visible entries of each kind. Ranking runs on the index
 * alone: the kind is the rowid's low three bits (migration 0006 numbers entries id * 8 + kind), so
 * no content row is read for the thousands of matches of a common word (reading the UNINDEXED
 * `kind` column of every match cost most of a second at 100,000 signals). Visibility needs the
 * content, so it is checked on the candidates only; when hidden entries leave a kind short while it
 * has more matches, the exact query (visibility checked on every match) answers instead.
 */
function bestVisibleRowids(context: CoreContext, match: string, limitPerKind: number): number[] {
  const window = limitPerKind * CANDIDATE_FACTOR;
  const candidates = context.db
    .prepare(
      `SELECT id, code FROM (
         SELECT rowid AS id, rowid % 8 AS code, row_number() OVER (PARTITION BY rowid % 8 ORDER BY ${RANK}, rowid) AS n
         FROM search_index WHERE search_index MATCH @match
       ) WHERE n <= @window ORDER BY code, n`,
    )
    .all({ match, window }) as Array<{ id: number; code: number }>;
  if (candidates.length === 0) return [];
  const visible = new Set(
    context.db
      .prepare(`SELECT s.rowid FROM search_index s WHERE s.rowid IN (SELECT value FROM json_each(@ids)) ${VISIBLE}`)
      .pluck()
      .all({ ids: JSON.stringify(candidates.map((candidate) => candidate.id)) }) as number[],
  );
  const chosen: number[] = [];
  const perKind = new Map<number, { seen: number; kept: number }>();
  for (const candidate of candidates) {
    const count = perKind.get(candidate.code) ?? { seen: 0, kept: 0 };
    count.seen += 1;
    if (visible.has(candidate.id) && count.kept < limitPerKind) {
      count.kept += 1;
      chosen.push(candidate.id);
    }
    perKind.set(candidate.code, count);
  }
  const shortWithMore = [...perKind.values()].some((count) => count.kept < limitPerKind && count.seen === window);
  if (!shortWithMore) return chosen;
  return context.db
    .prepare(
      `SELECT id FROM (
         SELECT s.rowid AS id, row_number() OVER (PARTITION BY s.rowid % 8 ORDER BY ${RANK}, s.rowid) AS n
         FROM search_index s WHERE search_index MATCH @match ${VISIBLE}
       ) WHERE n <= @limit`,
    )
    .pluck()
    .all({ match, limit: limitPerKind }) as number[];
}

function findHits(context: CoreContext, match: string, terms: string[], limitPerKind: number): SearchHit[] {
  const chosen = bestVisibleRowids(context, match, limitPerKind);
  if (chosen.length === 0) return [];
  // The entries by rowid (a lookup each, no second MATCH over every hit); snippets are cut here.
  const rows = new Map(
    (
      context.db
        .prepare(
          `SELECT s.rowid AS id, s.kind, s.item_id, s.dossier_id, s.internal, s.title, s.body,
                  (SELECT d.number FROM dossiers d WHERE d.id = s.dossier_id) AS dossier_number
           FROM search_index s WHERE s.rowid IN (SELECT value FROM json_each(@chosen))`,
        )
        .all({ chosen: JSON.stringify(chosen) }) as HitRow[]
    ).map((row) => [row.id, row]),
  );
  return chosen.flatMap((rowid) => {
    const row = rows.get(rowid);
    if (!row) return [];
    const inBody = row.body ? snippetOf(row.body, terms, SNIPPET_TOKENS) : null;
    return [
      {
        kind: row.kind,
        id: row.item_id,
        dossierId: row.dossier_id,
        dossierNumber: row.dossier_number,
        title: row.title,
        snippet: inBody ?? snippetOf(row.title, terms, SNIPPET_TOKENS) ?? row.title,
        internal: row.internal === 1,
      },
    ];
  });
}

/** As the index's tokenizer (unicode61, remove_diacritics 2) sees a word: no diacritics, lower case. */
function foldToken(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * About `length` words of `text` around its first word that starts with one of the query's terms,
 * every such word between the match markers, "…" where text was cut; null when no word matches.
 * Done here rather than by FTS5's snippet(), which needs a second MATCH over every hit of the query.
 */
export function snippetOf(text: string, terms: string[], length: number): string | null {
  const folded = terms.map(foldToken);
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((word) => ({
    start: word.index,
    end: word.index + word[0].length,
    matches: folded.some((term) => foldToken(word[0]).startsWith(term)),
  }));
  const first = words.findIndex((word) => word.matches);
  if (first < 0) return null;
  const from = Math.max(0, Math.min(first - Math.floor(length / 4), words.length - length));
  const until = Math.min(words.length, from + length);
  let snippet = from > 0 ? '…' : '';
  let cursor = from > 0 ? words[from]!.start : 0;
  for (const word of words.slice(from, until)) {
    snippet += text.slice(cursor, word.start);
    snippet += word.matches ? `${SEARCH_MATCH_START}${text.slice(word.start, word.end)}${SEARCH_MATCH_END}` : text.slice(word.start, word.end);
    cursor = word.end;
  }
  snippet += until < words.length ? '…' : text.slice(cursor);
  return snippet.replace(/\s+/g, ' ');
}
