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

/**
 * Where each kind's entries come from: the low three bits of an entry's rowid are the kind's code
 * and the rest is the row's id (migration 0006 numbers entries `id * 8 + code`).
 */
const KIND_SOURCES: Record<SearchKind, { code: number; table: string }> = {
  signal: { code: 1, table: 'signals' },
  dossier: { code: 2, table: 'dossiers' },
  subject: { code: 3, table: 'subjects' },
  note: { code: 4, table: 'dossier_notes' },
  attachment: { code: 5, table: 'attachments' },
};

/** Matches are counted up to this many; beyond it the total is "more than". */
export const COUNT_CAP = 10_000;

/**
 * A query with at most this many matches is ranked by bm25, in one pass. bm25 reads every
 * ranked entry's sizes and positions (about a microsecond each) after a walk that counts the
 * documents of every word, so ranking all 60,000 matches of a two-letter prefix took over 100 ms.
 * A broader query lists, per kind, its title matches newest first and then its other matches
 * newest first: walks that stop as soon as a kind has its hits.
 */
export const RANK_WHOLE_LIMIT = 5_000;

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
  const hidden = match === null ? null : hiddenRowids(context);
  const total = match === null ? { count: 0, capped: false } : countMatches(context, match, hidden);
  const chosen =
    match === null || total.count === 0
      ? []
      : total.capped || total.count > RANK_WHOLE_LIMIT
        ? newestPerKind(context, match, hidden, input.limit)
        : bestPerKind(context, match, hidden, input.limit);
  const hits = findHits(context, chosen, searchTerms(input.query));
  const groups = SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((hit) => hit.kind === kind) })).filter((group) => group.hits.length > 0);
  // The query itself is not recorded: it can hold names. The number of hits is.
  context.audit('search.performed', { hits: hits.length });
  return { groups, shown: hits.length, total: total.count, totalIsMinimum: total.capped };
}

/**
 * Rowids of the entries under a trashed dossier, as JSON, or null when there are none (the usual
 * case). They keep their index entries (as their rows are kept) but are hidden, as everywhere
 * else; read from the source tables by their dossier index, not from the index's content.
 */
function hiddenRowids(context: CoreContext): string | null {
  const underTrashed = (kind: SearchKind) => `SELECT id * 8 + ${KIND_SOURCES[kind].code} FROM ${KIND_SOURCES[kind].table} WHERE dossier_id IN trashed AND deleted_at IS NULL`;
  const rowids = context.db
    .prepare(
      `WITH trashed AS (SELECT id FROM dossiers WHERE deleted_at IS NOT NULL)
       ${underTrashed('signal')} UNION ALL ${underTrashed('note')} UNION ALL ${underTrashed('attachment')}`,
    )
    .pluck()
    .all() as number[];
  return rowids.length === 0 ? null : JSON.stringify(rowids);
}

const visibleOnly = (hidden: string | null) => (hidden === null ? '' : 'AND rowid NOT IN (SELECT value FROM json_each(@hidden))');
const hiddenParameter = (hidden: string | null) => (hidden === null ? {} : { hidden });

/** The number of visible matches, counted up to COUNT_CAP (a walk that stops there). */
function countMatches(context: CoreContext, match: string, hidden: string | null): { count: number; capped: boolean } {
  const count = context.db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH @match ${visibleOnly(hidden)} LIMIT @cap)`)
    .pluck()
    .get({ match, cap: COUNT_CAP + 1, ...hiddenParameter(hidden) }) as number;
  return count > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count, capped: false };
}

/** The best `limit` visible matches of each kind by bm25, kinds in the order of SEARCH_KINDS; newer first among equals. */
function bestPerKind(context: CoreContext, match: string, hidden: string | null, limit: number): number[] {
  const scored = context.db
    .prepare(`SELECT rowid AS id, ${RANK} AS score FROM search_index WHERE search_index MATCH @match ${visibleOnly(hidden)}`)
    .all({ match, ...hiddenParameter(hidden) }) as Array<{ id: number; score: number }>;
  return SEARCH_KINDS.flatMap((kind) =>
    scored
      .filter((entry) => entry.id % 8 === KIND_SOURCES[kind].code)
      .sort((a, b) => a.score - b.score || b.id - a.id)
      .slice(0, limit)
      .map((entry) => entry.id),
  );
}

/**
 * For a broad query, per kind: the newest `limit` visible matches in the title, then, if the
 * kind has fewer, its newest other matches. Each is a walk newest first (rowid order, which FTS5
 * keeps without sorting) from the kind's highest possible rowid down, that stops when it has
 * `limit`; the kind is the rowid's low bits, so no content row is read. The bound and the code
 * are written into the SQL (whole numbers from the vault, not the user): bound as parameters,
 * FTS5 walked from the top of the index instead of seeking to the bound.
 */
function newestPerKind(context: CoreContext, match: string, hidden: string | null, limit: number): number[] {
  const inTitle = `{title} : (${match})`;
  return SEARCH_KINDS.flatMap((kind) => {
    const { code, table } = KIND_SOURCES[kind];
    const highest = ((context.db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? 0) * 8 + code;
    const newest = (expression: string) =>
      context.db
        .prepare(
          `SELECT rowid FROM search_index
           WHERE search_index MATCH @expression AND rowid <= ${highest} AND rowid % 8 = ${code} ${visibleOnly(hidden)}
           ORDER BY rowid DESC LIMIT @limit`,
        )
        .pluck()
        .all({ expression, limit, ...hiddenParameter(hidden) }) as number[];
    // A note has no title (migration 0006): its body is all there is.
    const titled = kind === 'note' ? [] : newest(inTitle);
    if (titled.length === limit) return titled;
    const chosen = new Set(titled);
    return [...titled, ...newest(match).filter((rowid) => !chosen.has(rowid))].slice(0, limit);
  });
}

function findHits(context: CoreContext, chosen: number[], terms: string[]): SearchHit[] {
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
