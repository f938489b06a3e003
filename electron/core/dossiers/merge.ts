import type { MergeResult } from '../../../shared/api/dossier-types';
import { subjectDetailsSchema, type SubjectDetails } from '../../../shared/api/subject-details';
import { TLP_CODES, type SubjectType, type TlpCode } from '../../../shared/domain/enums';
import { CoreError } from '../kernel/errors';
import { inTransaction, timestamp, type CoreContext } from '../kernel/context';
import { subjectLabel } from './subject-label';
import { requireSubject, writeMatchKeys } from './subject-records';

/**
 * Fields that say which one a subject is. Two subjects that differ in one of them are two
 * subjects, whatever else they share, so merging them is refused. Other fields (a name's spelling,
 * a street) keep the kept subject's value.
 */
const IDENTIFYING_FIELDS: Record<SubjectType, readonly string[]> = {
  person: ['bsn', 'birthDate'],
  organisation: ['kvkNumber', 'vestigingsnummer'],
  address: ['postcode', 'houseNumber', 'houseNumberAddition', 'bagId'],
  vehicle: ['kenteken'],
  bank_account: ['iban'],
  phone: ['number'],
  email: ['address'],
};

/**
 * Identifying fields where "empty" is itself a value: 12 and 12-b are two premises, and a BAG id on
 * one side only cannot be told to belong to the other. These must be equal, empty or not; an empty
 * one is never filled from the duplicate.
 */
const EMPTY_IS_A_VALUE: Partial<Record<SubjectType, readonly string[]>> = {
  address: ['houseNumberAddition', 'bagId'],
};

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The kept subject's details, with its empty fields filled from the duplicate. */
function mergedDetails(kept: SubjectDetails, duplicate: SubjectDetails): { details: SubjectDetails; filledFields: string[] } {
  const identifying = IDENTIFYING_FIELDS[kept.type];
  const result: Record<string, unknown> = { ...kept };
  const filledFields: string[] = [];
  for (const field of EMPTY_IS_A_VALUE[kept.type] ?? []) {
    const keptValue = (kept as Record<string, unknown>)[field];
    const duplicateValue = (duplicate as Record<string, unknown>)[field];
    if (isEmpty(keptValue) !== isEmpty(duplicateValue)) throw new CoreError('MERGE_CONFLICT', `the subjects differ in ${field}`, { field });
  }
  for (const [field, value] of Object.entries(duplicate)) {
    if (field === 'type' || isEmpty(value)) continue;
    if (isEmpty(result[field])) {
      result[field] = value;
      filledFields.push(field);
    } else if (identifying.includes(field) && result[field] !== value) {
      throw new CoreError('MERGE_CONFLICT', `the subjects differ in ${field}`, { field });
    }
  }
  return { details: subjectDetailsSchema.parse(result), filledFields };
}

/** Merged information is handled under the stricter of the two codes. */
function stricterTlp(first: TlpCode, second: TlpCode): TlpCode {
  return TLP_CODES[Math.min(TLP_CODES.indexOf(first), TLP_CODES.indexOf(second))]!;
}

/**
 * Merge a duplicate into the subject that is kept: every dossier link and subject link moves over
 * (links between the two would point from the subject to itself and are dropped), empty fields are
 * filled, the match keys are rebuilt, and the duplicate is removed. The audit entry says what moved.
 */
export function mergeSubjects(context: CoreContext, input: { keepSubjectId: number; mergeSubjectId: number }): MergeResult {
  const { keepSubjectId, mergeSubjectId } = input;
  return inTransaction(context, () => {
    const kept = requireSubject(context, keepSubjectId);
    const duplicate = requireSubject(context, mergeSubjectId);
    if (kept.type !== duplicate.type) throw new CoreError('MERGE_CONFLICT', 'the subjects are of different types', { field: 'type' });
    const { details, filledFields } = mergedDetails(kept.details, duplicate.details);
    const run = (sql: string, ...params: unknown[]) => context.db.prepare(sql).run(...params).changes;

    const movedDossierLinks = run('UPDATE subject_dossier_links SET subject_id = ? WHERE subject_id = ?', keepSubjectId, mergeSubjectId);
    const droppedSelfLinks = run(
      'DELETE FROM subject_links WHERE (from_subject_id = ? AND to_subject_id = ?) OR (from_subject_id = ? AND to_subject_id = ?)',
      keepSubjectId,
      mergeSubjectId,
      mergeSubjectId,
      keepSubjectId,
    );
    const movedSubjectLinks =
      run('UPDATE subject_links SET from_subject_id = ? WHERE from_subject_id = ?', keepSubjectId, mergeSubjectId) +
      run('UPDATE subject_links SET to_subject_id = ? WHERE to_subject_id = ?', keepSubjectId, mergeSubjectId);

    run(
      'UPDATE subjects SET label = ?, details = ?, tlp = ?, updated_at = ? WHERE id = ?',
      subjectLabel(details),
      JSON.stringify(details),
      stricterTlp(kept.tlp, duplicate.tlp),
      timestamp(context),
      keepSubjectId,
    );
    writeMatchKeys(context, keepSubjectId, details);
    run('DELETE FROM subjects WHERE id = ?', mergeSubjectId);

    context.audit('subject.merged', { keptSubjectId: keepSubjectId, mergedSubjectId: mergeSubjectId, movedDossierLinks, movedSubjectLinks, droppedSelfLinks, filledFields });
    return { subject: requireSubject(context, keepSubjectId), movedDossierLinks, movedSubjectLinks, droppedSelfLinks, filledFields };
  });
}
