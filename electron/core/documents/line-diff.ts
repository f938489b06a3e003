import { diffArrays } from 'diff';
import type { LineChange } from '../../../shared/api/documents';

/**
 * Past this many differing lines jsdiff stops searching and the middle is shown as replaced: an
 * edit script that long is no longer readable as a comparison, and the search cost grows with it.
 */
const MAX_EDIT_LENGTH = 2_000;

/**
 * A line diff (jsdiff's Myers diff over the lines): the lines both texts share in order stay
 * ('same'), the rest are 'removed' from `before` or 'added' in `after`, removals first at each
 * place. Windows and old Mac line ends count as Unix ones. The common head and tail are set aside
 * first, so that a large rewrite in the middle still shows the untouched lines around it as such.
 */
export function diffLines(before: string, after: string): LineChange[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (lines: string[]) => lines.map((text): LineChange => ({ kind: 'same', text }));
  return [...same(a.slice(0, head)), ...diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)), ...same(a.slice(a.length - tail))];
}

function diffMiddle(a: string[], b: string[]): LineChange[] {
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
