import { useTranslation } from 'react-i18next';
import type { SubjectType } from '../../../../shared/domain/enums';
import { LEGAL_FORMS } from '../../../../shared/domain/enums';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { subjectsNl } from '../../i18n/features/subjects';
import { useValidationText } from './parts';
import { REQUIRED_FIELDS, SUBJECT_FIELDS, type FieldErrors, type SubjectField, type SubjectFormValues } from './subject-form';

/** Identifiers shown in a fixed-width font, so that digits can be checked one by one. */
const MONOSPACE: ReadonlySet<SubjectField> = new Set<SubjectField>(['bsn', 'kvkNumber', 'vestigingsnummer', 'postcode', 'bagId', 'kenteken', 'iban', 'number']);
const SHORT: ReadonlySet<SubjectField> = new Set<SubjectField>(['birthDate', 'bsn', 'kvkNumber', 'postcode', 'houseNumber', 'houseNumberAddition', 'kenteken']);
const NUMERIC: ReadonlySet<SubjectField> = new Set<SubjectField>(['birthDate', 'bsn', 'kvkNumber', 'vestigingsnummer', 'houseNumber', 'bagId']);

interface SubjectDetailsFieldsProps {
  type: SubjectType;
  values: SubjectFormValues;
  errors: FieldErrors;
  onChange(values: SubjectFormValues): void;
}

/** The typed fields of one kind of subject (shared/api/subject-details.ts), each with its error beside it. */
export function SubjectDetailsFields({ type, values, errors, onChange }: SubjectDetailsFieldsProps) {
  const { t } = useTranslation();
  const validationText = useValidationText();
  const fields = SUBJECT_FIELDS[type] as readonly SubjectField[];
  return (
    <div className="app-subject-form-grid">
      {fields.map((field) => {
        const label = t(`subjects.fields.${type}.${field}` as 'subjects.fields.person.name');
        const labelText = REQUIRED_FIELDS.has(field) ? label : t('subjects.optional', { label });
        const error = validationText(errors[`details.${field}`]);
        const description = Object.hasOwn(subjectsNl.fieldHelp, field) ? t(`subjects.fieldHelp.${field as keyof typeof subjectsNl.fieldHelp}`) : undefined;
        if (field === 'legalForm') {
          return (
            <SelectField
              key={field}
              label={labelText}
              value={values.legalForm ?? ''}
              emptyLabel={t('subjects.none')}
              error={error}
              options={LEGAL_FORMS.map((form) => ({ value: form, label: t(`domain.legalForm.${form}`) }))}
              onChange={(event) => onChange({ ...values, legalForm: event.target.value })}
            />
          );
        }
        if (field === 'birthDate') {
          return (
            <div key={field}>
              <DateField
                label={labelText}
                description={description}
                hint={false}
                value={values.birthDate ?? ''}
                error={error}
                inputClassName="app-textbox--short"
                onChange={(text) => onChange({ ...values, birthDate: text })}
              />
            </div>
          );
        }
        return (
          <div key={field} className={field === 'name' || field === 'street' || field === 'description' || field === 'address' ? 'app-subject-form-grid__wide' : undefined}>
            <TextField
              label={labelText}
              description={description}
              value={values[field] ?? ''}
              error={error}
              autoComplete="off"
              spellCheck={false}
              inputMode={NUMERIC.has(field) ? 'numeric' : field === 'address' ? 'email' : field === 'number' ? 'tel' : undefined}
              inputClassName={[MONOSPACE.has(field) ? 'app-textbox--monospace' : '', SHORT.has(field) ? 'app-textbox--short' : ''].filter(Boolean).join(' ') || undefined}
              onChange={(event) => onChange({ ...values, [field]: event.target.value })}
            />
          </div>
        );
      })}
    </div>
  );
}
