import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MergeResult, SubjectWithLinks } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { Grading, TlpBadge } from '../../components/Weighing';
import { SUBJECT_FIELDS, displayValue, type SubjectField } from './subject-form';

interface MergeDialogProps {
  /** The two subjects; the first is proposed to keep. */
  subjectIds: [number, number];
  onClose(): void;
  /** After a merge, when the user closes the summary (or right away if they close the dialog). */
  onMerged(result: MergeResult, mergedSubjectId: number): void;
}

/**
 * Merging two records of the same subject: both side by side, the user picks the one to keep, every
 * link of the other moves to it (the core fills the kept one's empty fields and records the merge
 * in the audit trail). Afterwards a summary of what moved.
 */
export function MergeDialog({ subjectIds, onClose, onMerged }: MergeDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const groupName = useId();
  const first = useCoreQuery('subject.get', { subjectId: subjectIds[0] });
  const second = useCoreQuery('subject.get', { subjectId: subjectIds[1] });
  const [keepId, setKeepId] = useState(subjectIds[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ merge: MergeResult; mergedId: number } | null>(null);
  const loadError = first.error ?? second.error;
  const subjects = first.data && second.data ? [first.data, second.data] : null;

  const close = () => {
    if (result) onMerged(result.merge, result.mergedId);
    else onClose();
  };

  async function merge() {
    const mergedId = keepId === subjectIds[0] ? subjectIds[1] : subjectIds[0];
    setBusy(true);
    setError(null);
    const answer = await callCore('subject.merge', { keepSubjectId: keepId, mergeSubjectId: mergedId });
    setBusy(false);
    if (answer.ok) setResult({ merge: answer.value, mergedId });
    else setError(answer.error);
  }

  return (
    <Dialog title={t('subjects.merge.title')} onClose={close}>
      {loadError && <Alert type="error">{errorText(loadError)}</Alert>}
      {!subjects && !loadError && (
        <p className="utrecht-paragraph" role="status">
          {t('subjects.loading')}
        </p>
      )}
      {subjects && !result && (
        <>
          <p className="utrecht-paragraph">{t('subjects.merge.explanation')}</p>
          <MergeComparison subjects={subjects} />
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-subject-merge__choice">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subjects.merge.keepLegend')}</legend>
            {subjects.map((subject, index) => (
              <div key={subject.id} className="utrecht-form-field utrecht-form-field--radio app-radio-field">
                <input
                  type="radio"
                  id={`${groupName}-${subject.id}`}
                  name={groupName}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  checked={keepId === subject.id}
                  onChange={() => setKeepId(subject.id)}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${groupName}-${subject.id}`}>
                  {t('subjects.merge.keepOption', { label: subject.label, column: index + 1 })}{' '}
                  <span className="app-muted">
                    ({t('subjects.merge.dossierCount', { count: subject.dossiers.length })}, {t('subjects.merge.linkCount', { count: subject.links.length })})
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          {error && <Alert type="error">{mergeErrorText(error, errorText, t)}</Alert>}
          <div className="app-button-row">
            <Button appearance="primary" busy={busy} busyLabel={t('subjects.merge.busy')} onClick={() => void merge()}>
              {t('subjects.merge.submit')}
            </Button>
            {/* Shown once both subjects are loaded, after the dialog opened: React's autoFocus puts the focus on the safe choice then. */}
            <Button appearance="secondary" onClick={onClose} autoFocus data-autofocus>
              {t('common.cancel')}
            </Button>
          </div>
        </>
      )}
      {result && subjects && (
        <>
          <Alert type="ok">
            <p className="utrecht-paragraph">
              {t('subjects.merge.done', {
                merged: subjects.find((subject) => subject.id === result.mergedId)?.label ?? '',
                kept: result.merge.subject.label,
              })}
            </p>
            <ul className="utrecht-unordered-list app-subject-merge__summary">
              <li>{t('subjects.merge.movedDossierLinks', { count: result.merge.movedDossierLinks })}</li>
              <li>{t('subjects.merge.movedSubjectLinks', { count: result.merge.movedSubjectLinks })}</li>
              {result.merge.filledFields.length > 0 && (
                <li>
                  {t('subjects.merge.filledFields', {
                    fields: result.merge.filledFields
                      .map((field) => t(`subjects.fields.${result.merge.subject.type}.${field}` as 'subjects.fields.person.name', { defaultValue: field }))
                      .join(', '),
                  })}
                </li>
              )}
              {result.merge.droppedSelfLinks > 0 && <li>{t('subjects.merge.droppedSelfLinks', { count: result.merge.droppedSelfLinks })}</li>}
              <li>{t('subjects.merge.audited')}</li>
            </ul>
          </Alert>
          <div className="app-button-row">
            <Button appearance="primary" onClick={close} autoFocus>
              {t('subjects.merge.close')}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function mergeErrorText(error: ApiError, errorText: (error: ApiError) => string, t: ReturnType<typeof useTranslation>['t']): string {
  const field = error.details?.field;
  if (error.code === 'MERGE_CONFLICT' && typeof field === 'string' && field !== 'type') {
    // A field name from the core, so the key is only known at run time (typed keys would recurse too deep here).
    const translate = t as unknown as (key: string, options: Record<string, string>) => string;
    const fieldName = translate(`subjects.fieldNames.${field}`, { defaultValue: field });
    return `${errorText(error)} ${translate('subjects.merge.conflictField', { field: fieldName })}`;
  }
  return errorText(error);
}

/** The two subjects' fields in two columns, with what each is linked to. */
function MergeComparison({ subjects }: { subjects: SubjectWithLinks[] }) {
  const { t } = useTranslation();
  const [a, b] = subjects as [SubjectWithLinks, SubjectWithLinks];
  const fields = SUBJECT_FIELDS[a.type] as readonly SubjectField[];
  const value = (subject: SubjectWithLinks, field: SubjectField) => {
    const raw = (subject.details as Record<string, unknown>)[field];
    if (raw === null || raw === undefined || raw === '') return <span className="app-muted">{t('subjects.empty')}</span>;
    if (field === 'legalForm') return t(`domain.legalForm.${raw as 'bv'}`);
    return displayValue(field, raw);
  };
  return (
    <div className="utrecht-table-container app-subject-merge__table">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption app-visually-hidden">{t('subjects.merge.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              <span className="app-visually-hidden">{t('subjects.merge.field')}</span>
            </th>
            {subjects.map((subject, index) => (
              <th key={subject.id} className="utrecht-table__header-cell" scope="col">
                {t('subjects.merge.column', { column: index + 1 })}
                <br />
                <span className="app-subject-merge__label">{subject.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {t('subjects.columns.type')}
            </th>
            <td className="utrecht-table__cell">{t(`domain.subjectType.${a.type}`)}</td>
            <td className="utrecht-table__cell">{t(`domain.subjectType.${b.type}`)}</td>
          </tr>
          {fields.map((field) => (
            <tr key={field} className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">
                {t(`subjects.fields.${a.type}.${field}` as 'subjects.fields.person.name')}
              </th>
              <td className="utrecht-table__cell">{value(a, field)}</td>
              <td className="utrecht-table__cell">{value(b, field)}</td>
            </tr>
          ))}
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {t('subjects.columns.grading')}
            </th>
            {subjects.map((subject) => (
              <td key={subject.id} className="utrecht-table__cell">
                <Grading sourceGrade={subject.sourceGrade} informationGrade={subject.informationGrade} /> <TlpBadge tlp={subject.tlp} />
              </td>
            ))}
          </tr>
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {t('subjects.merge.dossiers')}
            </th>
            {subjects.map((subject) => (
              <td key={subject.id} className="utrecht-table__cell">
                {subject.dossiers.length === 0 ? (
                  <span className="app-muted">{t('subjects.empty')}</span>
                ) : (
                  subject.dossiers.map((link) => (
                    <span key={link.id} className="app-subject-merge__line">
                      {link.dossier.number} ({t(`domain.role.${link.role}`)})
                    </span>
                  ))
                )}
              </td>
            ))}
          </tr>
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {t('subjects.merge.links')}
            </th>
            {subjects.map((subject) => (
              <td key={subject.id} className="utrecht-table__cell">
                {t('subjects.merge.linkCount', { count: subject.links.length })}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
