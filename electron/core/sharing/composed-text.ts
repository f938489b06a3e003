import type { FactRef } from '../../../shared/domain/sharing';
import { factKey } from './facts';

/**
 * Texts the app composes from facts and the user then edits (the preweegdocument's sections, an
 * agenda item's summary) cannot be filtered like a list: by the time they are printed they are
 * prose. So the composer records, for each fact, the exact lines it wrote and where (`FactLine`),
 * and an output for a stricter audience takes those lines out again. When a line is no longer there
 * as written (the user edited it), the regime cannot tell what of it remains, and leaves the whole
 * part out with a notice instead of guessing.
 */

export interface FactLine {
  ref: FactRef;
  /** The section (or agenda item) the line is in. */
  part: string;
  text: string;
}

export interface RedactedParts {
  parts: Record<string, string>;
  /** Lines taken out as written. */
  removedLines: number;
  /** Parts left out whole, because a withheld fact's line was edited. */
  partsWithheld: string[];
}

export const PART_WITHHELD_NOTICE = '[Dit onderdeel is weggelaten: het bevat gegevens die niet naar deze ontvangers mogen, en is na het opstellen bewerkt.]';

export function redactComposedParts(parts: Readonly<Record<string, string>>, factLines: readonly FactLine[], withheld: readonly FactRef[]): RedactedParts {
  const withheldKeys = new Set(withheld.map(factKey));
  const result: Record<string, string> = { ...parts };
  const partsWithheld = new Set<string>();
  let removedLines = 0;
  for (const line of factLines) {
    if (!withheldKeys.has(factKey(line.ref)) || partsWithheld.has(line.part)) continue;
    // The user may have moved or copied the line to another part: every copy goes, wherever it is.
    let found = false;
    for (const part of Object.keys(result)) {
      if (partsWithheld.has(part)) continue;
      const lines = result[part]!.split('\n');
      const kept = lines.filter((candidate) => candidate.trimEnd() !== line.text.trimEnd());
      if (kept.length === lines.length) continue;
      found = true;
      removedLines += lines.length - kept.length;
      result[part] = kept.join('\n');
    }
    if (!found) {
      partsWithheld.add(line.part);
      result[line.part] = PART_WITHHELD_NOTICE;
    }
  }
  return { parts: result, removedLines, partsWithheld: [...partsWithheld] };
}
