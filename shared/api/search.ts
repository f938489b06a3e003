import { z } from 'zod';
import { defineHandler } from './define';

/**
 * One search box over signals, dossiers, subjects, notes and attachment names. The core
 * turns the words into a safe full-text query (electron/core/dossiers/search.ts): no search syntax
 * passes through, every word matches as a prefix, case and diacritics are folded.
 */

export const SEARCH_KINDS = ['dossier', 'signal', 'subject', 'note', 'attachment'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Marks around a match in `snippet`; the UI turns them into <mark>. Never HTML. */
export const SEARCH_MATCH_START = '\u0001';
export const SEARCH_MATCH_END = '\u0002';

export interface SearchHit {
  kind: SearchKind;
  /** The item's id in its own kind (signal id, dossier id, ...). */
  id: number;
  /** The dossier the item belongs to, if any (a dossier's own id for a dossier). */
  dossierId: number | null;
  /** That dossier's number (2026-0042), so that a note or an attachment can say where it belongs. */
  dossierNumber: string | null;
  /** The item's title as indexed (a dossier's number and title, a subject's label, a file name); empty for notes. */
  title: string;
  /** Plain text around the match, the matched words between SEARCH_MATCH_START and SEARCH_MATCH_END. */
  snippet: string;
  /** A note marked internal (kept out of what is shared with partners). */
  internal: boolean;
}

export interface SearchGroup {
  kind: SearchKind;
  /** Best match first. */
  hits: SearchHit[];
}

export interface SearchResult {
  /** Only kinds with hits, in the order of SEARCH_KINDS. */
  groups: SearchGroup[];
  /** Hits returned over all groups. */
  shown: number;
  /** Every visible match of the query, counted up to a cap (electron/core/dossiers/search.ts). */
  total: number;
  /** The count stopped at its cap: there are more than `total` matches. */
  totalIsMinimum: boolean;
}

export const searchApi = {
  /** `limit` is per kind (default 20). A query without any letter or digit finds nothing. */
  'search.query': defineHandler<SearchResult>({ access: 'read', passive: false, lane: 'queue', audits: ['search.performed'] })(
    z
      .object({
        query: z.string().min(1).max(200),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
  ),
};
