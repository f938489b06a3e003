import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Dossier, ListedSubject, SubjectMatches } from '../../../../shared/api';
import type { SubjectRole, SubjectType } from '../../../../shared/domain/enums';
import { SUBJECT_ROLES, SUBJECT_TYPES } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { LinkMetaFields, coreFieldErrors } from './parts';
import { SubjectDetailsFields } from './SubjectDetailsFields';
import { SubjectPicker } from './SubjectPicker';
import { EMPTY_LINK_FORM, linkInputOf, validateDetails, type FieldErrors, type LinkFormValues, type SubjectFormValues } from './subject-form';

type Mode = 'new' | 'existing';

export interface AddedSubject {
  subjectId: number;
  label: string;
  role: SubjectRole;
  /** "Komt ook voor in" for the subject just added (this dossier left out). */
  matches: SubjectMatches | null;
}

interface AddSubjectFormProps {
  dossier: Dossier;
  onAdded(added: AddedSubject): void;
  onCancel(): void;
}

/** The fields the form shows, for deciding whether a core error goes beside a field or above the buttons. */
const LINK_FIELDS = ['role', 'validFrom', 'validUntil', 'source', 'sourceGrade', 'informationGrade', 'tlp'];

/**
 * Adding a subject to the dossier: a new one (type first, then its typed fields) or an existing one
 * (searched by label), then its role in the dossier with period, source and grading. Nothing is
 * saved while a field is wrong; a new subject that was created but could not be linked is not
 * created a second time on the next try.
 */
export function AddSubjectForm({ dossier, onAdded, onCancel }: AddSubjectFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const modeName = useId();
  const [mode, setMode] = useState<Mode>('new');
  const [type, setType] = useState<SubjectType | ''>('');
  const [values, setValues] = useState<SubjectFormValues>({});
  const [picked, setPicked] = useState<ListedSubject | null>(null);
  const [role, setRole] = useState<SubjectRole>('betrokkene');
  const [link, setLink] = useState<LinkFormValues>(EMPTY_LINK_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [coreError, setCoreError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<'type' | 'pick' | 'fields' | null>(null);
  const [busy, setBusy] = useState(false);
  /** A subject created on an earlier try whose link failed: linked (after an update), not created again. */
  const createdId = useRef<number | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function resetErrors() {
    setErrors({});
    setCoreError(null);
    setProblem(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    resetErrors();
    const linkParts = linkInputOf(link);
    let detailsErrors: FieldErrors = {};
    let details = null;
    if (mode === 'new') {
      if (!type) {
        setProblem('type');
        setErrors(linkParts.errors);
        return;
      }
      const validated = validateDetails(type, values);
      detailsErrors = validated.errors;
      details = validated.input;
    } else if (!picked) {
      setProblem('pick');
      setErrors(linkParts.errors);
      return;
    }
    const allErrors = { ...detailsErrors, ...linkParts.errors };
    if (Object.keys(allErrors).length > 0) {
      setErrors(allErrors);
      setProblem('fields');
      return;
    }

    setBusy(true);
    let subjectId: number;
    let label: string;
    const { sourceGrade, informationGrade, tlp } = linkParts.input;
    if (mode === 'new' && details) {
      const saved =
        createdId.current === null
          ? await callCore('subject.create', { details, sourceGrade, informationGrade, tlp })
          : await callCore('subject.update', { subjectId: createdId.current, details, sourceGrade, informationGrade, tlp });
      if (!saved.ok) {
        setBusy(false);
        fail(saved.error);
        return;
      }
      createdId.current = saved.value.id;
      subjectId = saved.value.id;
      label = saved.value.label;
    } else {
      subjectId = picked!.id;
      label = picked!.label;
    }

    const linked = await callCore('subject.linkToDossier', { subjectId, dossierId: dossier.id, role, ...linkParts.input });
    if (!linked.ok) {
      setBusy(false);
      fail(linked.error);
      return;
    }
    const matches = await callCore('subject.matches', { subjectId, excludeDossierId: dossier.id });
    setBusy(false);
    onAdded({ subjectId, label, role, matches: matches.ok ? matches.value : null });
  }

  function fail(error: ApiError) {
    setCoreError(error);
    const fromCore = coreFieldErrors(error);
    setErrors(fromCore);
    if (Object.keys(fromCore).length > 0) setProblem('fields');
  }

  const shownFields = [...(type ? Object.keys(values).map((field) => `details.${field}`) : []), ...LINK_FIELDS];
  const generalError = coreError && Object.keys(coreFieldErrors(coreError)).length === 0 ? fieldError.general(coreError, shownFields) : null;

  return (
    <section className="app-card app-subject-add" aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('subjects.add.heading')}
      </h3>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        {problem !== null && <ErrorSummary title={t('subjects.add.fixFields')} refusal={errors} headingLevel={4} />}
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subjects.add.modeLegend')}</legend>
          <div className="app-subject-mode">
            {(['new', 'existing'] as const).map((option) => (
              <div key={option} className="utrecht-form-field utrecht-form-field--radio app-radio-field">
                <input
                  type="radio"
                  id={`${modeName}-${option}`}
                  name={modeName}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  checked={mode === option}
                  onChange={() => {
                    setMode(option);
                    resetErrors();
                  }}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${modeName}-${option}`}>
                  {t(`subjects.add.mode.${option}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        {mode === 'new' ? (
          <>
            <SelectField
              label={t('subjects.add.type')}
              value={type}
              emptyLabel={t('subjects.add.typeChoose')}
              error={problem === 'type' ? t('subjects.add.typeRequired') : null}
              options={SUBJECT_TYPES.map((option) => ({ value: option, label: t(`domain.subjectType.${option}`) }))}
              onChange={(event) => {
                setType(event.target.value as SubjectType | '');
                setValues({});
                resetErrors();
                createdId.current = null;
              }}
            />
            {type && (
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-subject-fieldset">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                  {t('subjects.add.detailsLegend', { type: t(`domain.subjectType.${type}`) })}
                </legend>
                <SubjectDetailsFields type={type} values={values} errors={errors} onChange={setValues} />
              </fieldset>
            )}
          </>
        ) : (
          <SubjectPicker picked={picked} onPick={setPicked} error={problem === 'pick' ? t('subjects.add.pickRequired') : null} />
        )}

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-subject-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subjects.add.linkLegend', { number: dossier.number })}</legend>
          <div className="app-form">
            <SelectField
              label={t('subjects.add.role')}
              value={role}
              options={SUBJECT_ROLES.map((option) => ({ value: option, label: t(`domain.role.${option}`) }))}
              description={role === 'melder' ? t('subjects.add.melderNote') : undefined}
              onChange={(event) => setRole(event.target.value as SubjectRole)}
            />
            <LinkMetaFields values={link} errors={errors} onChange={setLink} />
            {mode === 'new' && <p className="utrecht-paragraph app-muted app-subject-note">{t('subjects.add.weighingNote')}</p>}
          </div>
        </fieldset>

        {generalError && <Alert type="error">{generalError}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={busy} busyLabel={t('subjects.add.busy')}>
            {t('subjects.add.submit')}
          </Button>
          <Button appearance="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
