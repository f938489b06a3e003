import { SEARCH_MATCH_END, SEARCH_MATCH_START } from '../../../../shared/api/search';

/** A piece of a snippet: plain text, or a matched word the screen shows in <mark>. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const ELLIPSIS = '…';

/**
 * The snippet cut at the markers the core puts around each match (never HTML: the parts become
 * React text). A marker without its partner is dropped; empty parts are left out.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const character of snippet) {
    if (character === SEARCH_MATCH_START || character === SEARCH_MATCH_END) {
      flush();
      match = character === SEARCH_MATCH_START;
    } else {
      text += character;
    }
  }
  flush();
  return parts;
}

/** The snippet's text without its markers. */
export function plainSnippet(snippet: string): string {
  return snippetParts(snippet)
    .map((part) => part.text)
    .join('');
}

/**
 * When the core took the snippet from the title (a dossier's title, a file name), the whole title
 * with the matches marked; otherwise null, and the title shows plain with the snippet beneath it.
 */
export function markedTitle(title: string, snippet: string): SnippetPart[] | null {
  if (!title) return null;
  const parts = snippetParts(snippet);
  // The ellipses the core adds where it cut the text are not part of the title.
  const first = parts[0];
  if (first && !first.match && first.text.startsWith(ELLIPSIS)) parts[0] = { ...first, text: first.text.slice(ELLIPSIS.length) };
  const last = parts.at(-1);
  if (last && !last.match && last.text.endsWith(ELLIPSIS)) parts[parts.length - 1] = { ...last, text: last.text.slice(0, -ELLIPSIS.length) };
  const kept = parts.filter((part) => part.text);
  const inner = kept.map((part) => part.text).join('');
  if (!inner || !kept.some((part) => part.match)) return null;
  const at = title.indexOf(inner);
  if (at < 0) return null;
  const before = title.slice(0, at);
  const after = title.slice(at + inner.length);
  return merged([{ text: before, match: false }, ...kept, { text: after, match: false }]);
}

/** Neighbouring parts of the same sort joined, empty ones dropped. */
function merged(parts: SnippetPart[]): SnippetPart[] {
  const result: SnippetPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const previous = result.at(-1);
    if (previous && previous.match === part.match) result[result.length - 1] = { text: previous.text + part.text, match: part.match };
    else result.push(part);
  }
  return result;
}

/** Lower case without diacritics, as the search index compares ("Café" → "cafe"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query as the core cuts them (runs of letters and digits), folded. */
export function queryTerms(query: string): string[] {
  return (query.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map(fold).filter(Boolean);
}

/**
 * A title with every word that starts with one of the query's words marked, as the index matches
 * (prefix, case and diacritics folded); for a title the core's snippet did not cover, because it
 * took the snippet from the text under it.
 */
export function markTerms(title: string, terms: readonly string[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const word of title.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const folded = fold(word[0]);
    if (!terms.some((term) => folded.startsWith(term))) continue;
    parts.push({ text: title.slice(last, word.index), match: false }, { text: word[0], match: true });
    last = word.index + word[0].length;
  }
  parts.push({ text: title.slice(last), match: false });
  return merged(parts);
}
