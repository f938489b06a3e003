import type { ProvenanceInput } from '../../../shared/domain/sharing';
import { invalidField, type CoreContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';
import { newProvenance, updateProvenance, writeProvenance, type toProvenance, type ProvenanceKind } from '../sharing/provenance';

/** The three provenance columns of a row, as PROVENANCE_COLUMNS selects them and toProvenance reads them. */
export type ProvenanceRow = Parameters<typeof toProvenance>[0];

/**
 * The provenance of the facts the API writes (signals, notes, links, measures, attachments), over
 * sharing/provenance.ts. The organisation and basis lists answer NOT_FOUND for a code they do not
 * hold, which the UI would show as "this item no longer exists"; from a form, an unknown code is a
 * wrong value of its field, so it becomes INVALID_INPUT on that field.
 */
function withFieldErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CoreError && error.code === 'NOT_FOUND') {
      if (error.details?.kind === 'organisation') throw invalidField('provenance.originator', 'organisation.unknown');
      if (error.details?.kind === 'legal-basis') throw invalidField('provenance.receivedUnder', 'legal-basis.unknown');
    }
    throw error;
  }
}

/**
 * Record the provenance of a fact just inserted, in the caller's transaction. `suppliedBy`: who
 * the older fields say supplied it (a note's partner, a signal's origin, as migration 0012 reads
 * them), the originator when the input names none.
 */
export function recordNewProvenance(context: CoreContext, kind: ProvenanceKind, id: number, input: ProvenanceInput | undefined, suppliedBy?: string | null): void {
  withFieldErrors(() => writeProvenance(context, kind, id, newProvenance(context, input, suppliedBy ?? null)));
}

/** Change the given provenance fields of a fact; answers ['provenance'] when any was given, for the audit entry's changed fields. */
export function changeProvenance(context: CoreContext, kind: ProvenanceKind, id: number, input: ProvenanceInput | undefined): string[] {
  const given = withFieldErrors(() => updateProvenance(context, kind, id, input));
  return given.length > 0 ? ['provenance'] : [];
}
