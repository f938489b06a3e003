import { diffArrays } from 'diff';
import type { LineChange } from '../../../shared/api/documents';

/**
 * Past this many differing lines jsdiff stops searching and the texts are shown as replaced: an
 * edit script that long is no longer readable as a comparison, and the search cost grows with it.
 */
const MAX_EDIT_LENGTH = 2_000;

/**
 * A line diff (jsdiff's Myers diff over the lines): the lines both texts share in order stay
 * ('same'), the rest are 'removed' from `before` or 'added' in `after`, removals first at each
 * place. Windows and old Mac line ends count as Unix ones.
 */
export function diffLines(before: string, after: string): LineChange[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const parts = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) return [...a.map((text): LineChange => ({ kind: 'removed', text })), ...b.map((text): LineChange => ({ kind: 'added', text }))];
  return parts.flatMap((part) => {
    const kind: LineChange['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    return part.value.map((text): LineChange => ({ kind, text }));
  });
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n?/g, '\n').split('\n');
}
