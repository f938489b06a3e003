import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { InformationGrade, SourceGrade, TlpCode } from '../../../../shared/domain/enums';
import { VALIDATION_CODES, type ValidationCode } from '../../../../shared/domain/validation';
import { validationMessages } from '../../../../shared/i18n/validation';
import { ProvenanceFields } from '../../components/ProvenanceFields';
import { SelectField } from '../../components/SelectField';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import type { Route } from '../../store/navigation';
import type { FieldErrors, LinkFormValues, WeighingValues } from './subject-form';

/** Small pieces shared by the subject screens: links inside the app, gradings, periods, form parts. */

/** The sentence for a validation reason code, in the current language. */
export function useValidationText(): (code: ValidationCode | undefined) => string | null {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  return (code) => (code ? validationMessages[language][code] : null);
}

/** An INVALID_INPUT error from the core as a field error (the core names one field), else nothing. */
export function coreFieldErrors(error: ApiError | null): FieldErrors {
  if (!error || error.code !== 'INVALID_INPUT') return {};
  const field = error.details?.field;
  const reason = error.details?.reason;
  if (typeof field !== 'string' || typeof reason !== 'string' || !(VALIDATION_CODES as readonly string[]).includes(reason)) return {};
  return { [field]: reason as ValidationCode };
}

export const dossierRoute = (dossierId: number): Route => ({ section: 'dossiers', view: 'dossier', dossierId });
export const subjectRoute = (subjectId: number, fromDossierId?: number): Route => ({
  section: 'dossiers',
  view: 'subject',
  subjectId,
  ...(fromDossierId ? { fromDossierId } : {}),
});

/** "01-02-2025 – 31-12-2025", "vanaf 01-02-2025", "tot 31-12-2025" or "—". */
export function PeriodText({ validFrom, validUntil }: { validFrom: string | null; validUntil: string | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (validFrom && validUntil) return <>{t('subjects.period.range', { from: formatDate(validFrom, language), until: formatDate(validUntil, language) })}</>;
  if (validFrom) return <>{t('subjects.period.from', { from: formatDate(validFrom, language) })}</>;
  if (validUntil) return <>{t('subjects.period.until', { until: formatDate(validUntil, language) })}</>;
  return <span className="app-muted">{t('subjects.period.none')}</span>;
}

/** Source reliability, information reliability and handling code. */
export function WeighingFields({ values, onChange }: { values: WeighingValues; onChange(values: WeighingValues): void }) {
  const { t } = useTranslation();
  const options = useDomainOptions();
  return (
    <div className="app-subject-form-grid">
      <SelectField
        label={t('subjects.weighing.sourceGrade')}
        value={values.sourceGrade}
        options={options.sourceGrades}
        onChange={(event) => onChange({ ...values, sourceGrade: event.target.value as SourceGrade })}
      />
      <SelectField
        label={t('subjects.weighing.informationGrade')}
        value={String(values.informationGrade)}
        options={options.informationGrades}
        onChange={(event) => onChange({ ...values, informationGrade: Number(event.target.value) as InformationGrade })}
      />
      <div className="app-subject-form-grid__wide">
        <SelectField
          label={t('subjects.weighing.tlp')}
          value={values.tlp}
          options={options.tlpCodes}
          onChange={(event) => onChange({ ...values, tlp: event.target.value as TlpCode })}
        />
      </div>
    </div>
  );
}

/** Period, source, grading and provenance of a link (subject–dossier or subject–subject). */
export function LinkMetaFields({ values, errors, onChange }: { values: LinkFormValues; errors: FieldErrors; onChange(values: LinkFormValues): void }) {
  const { t } = useTranslation();
  const validationText = useValidationText();
  return (
    <>
      <div className="app-subject-form-grid">
        <DateField
          label={t('subjects.link.validFrom')}
          description={t('subjects.dateFormat')}
          hint={false}
          value={values.validFrom}
          error={validationText(errors.validFrom)}
          inputClassName="app-textbox--short"
          onChange={(text) => onChange({ ...values, validFrom: text })}
        />
        <DateField
          label={t('subjects.link.validUntil')}
          description={t('subjects.dateFormat')}
          hint={false}
          value={values.validUntil}
          error={validationText(errors.validUntil)}
          inputClassName="app-textbox--short"
          onChange={(text) => onChange({ ...values, validUntil: text })}
        />
      </div>
      <TextField
        label={t('subjects.link.source')}
        description={t('subjects.link.sourceDescription')}
        value={values.source}
        error={validationText(errors.source)}
        autoComplete="off"
        onChange={(event) => onChange({ ...values, source: event.target.value })}
      />
      <WeighingFields values={values} onChange={(weighing) => onChange({ ...values, ...weighing })} />
      <ProvenanceFields
        value={values.provenance}
        onChange={(provenance) => onChange({ ...values, provenance })}
        errorFor={(field) => validationText(errors[`provenance.${field}`])}
      />
    </>
  );
}
