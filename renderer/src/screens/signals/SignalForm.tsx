import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Input } from '../../../../shared/api';
import type { Phenomenon, Signal } from '../../../../shared/api/dossier-types';
import {
  DEFAULT_TLP,
  HOW_RECEIVED,
  PARTNERS,
  UNGRADED,
  type HowReceived,
  type InformationGrade,
  type Partner,
  type SourceGrade,
  type TlpCode,
} from '../../../../shared/domain/enums';
import type { Provenance } from '../../../../shared/domain/sharing';
import { localIsoDate, parseDutchDate, type ValidationCode } from '../../../../shared/domain/validation';
import { validationMessages } from '../../../../shared/i18n/validation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { newFactProvenance, ProvenanceFields, provenanceInput } from '../../components/ProvenanceFields';
import { RetentionReasonField } from '../../components/RetentionReasonField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useFieldError } from '../../components/useFieldError';
import { formatDate } from '../../format/date';
import type { Language } from '../../i18n';
import { PhenomenonSelect } from './PhenomenonSelect';

/** What the form holds: text as typed (dates as dd-mm-jjjj), choices as their values. */
export interface SignalFormValues {
  receivedOn: string;
  howReceived: HowReceived;
  phenomenonId: string;
  summary: string;
  description: string;
  location: string;
  reporterName: string;
  reporterContact: string;
  reporterProtected: boolean;
  /** The older "afkomstig van": follows the supplier when the user picks one that is among the fixed partners. */
  origin: Partner | '';
  provenance: Provenance;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
  legalBasis: string;
  purpose: string;
  retentionUntil: string;
}

export type SignalFields = Input<'signal.create'>;

/** An empty intake: received today (or on the date kept from the previous signal), graded "cannot be judged", AMBER+STRICT. */
export function emptySignalForm(language: Language, keep?: Pick<SignalFormValues, 'receivedOn' | 'howReceived'>): SignalFormValues {
  return {
    receivedOn: keep?.receivedOn ?? formatDate(localIsoDate(new Date()), language),
    howReceived: keep?.howReceived ?? 'meldpunt',
    phenomenonId: '',
    summary: '',
    description: '',
    location: '',
    reporterName: '',
    reporterContact: '',
    reporterProtected: true,
    origin: '',
    provenance: newFactProvenance(),
    sourceGrade: UNGRADED.sourceGrade,
    informationGrade: UNGRADED.informationGrade,
    tlp: DEFAULT_TLP,
    legalBasis: '',
    purpose: '',
    retentionUntil: '',
  };
}

export function signalToForm(signal: Signal, language: Language): SignalFormValues {
  return {
    receivedOn: formatDate(signal.receivedOn, language),
    howReceived: signal.howReceived,
    phenomenonId: signal.phenomenon ? String(signal.phenomenon.id) : '',
    summary: signal.summary,
    description: signal.description ?? '',
    location: signal.location ?? '',
    reporterName: signal.reporterName ?? '',
    reporterContact: signal.reporterContact ?? '',
    reporterProtected: signal.reporterProtected,
    origin: signal.origin ?? '',
    provenance: signal.provenance,
    sourceGrade: signal.sourceGrade,
    informationGrade: signal.informationGrade,
    tlp: signal.tlp,
    legalBasis: signal.legalBasis ?? '',
    purpose: signal.purpose ?? '',
    retentionUntil: signal.retentionUntil ? formatDate(signal.retentionUntil, language) : '',
  };
}

const partnerOf = (originator: string | null): Partner | '' => ((PARTNERS as readonly string[]).includes(originator ?? '') ? (originator as Partner) : '');

/** The ISO date a retention text stands for: null when empty, the text itself when it is no date (so that it counts as changed). */
function retentionDateOf(text: string): string | null {
  if (text.trim() === '') return null;
  const parsed = parseDutchDate(text);
  return parsed.ok ? parsed.value : text;
}

/** Every field the form shows, by its name in the API: errors about them appear beside them. */
const SHOWN_FIELDS = [
  'receivedOn',
  'howReceived',
  'phenomenonId',
  'summary',
  'description',
  'location',
  'reporterName',
  'reporterContact',
  'reporterProtected',
  'origin',
  'provenance.originator',
  'provenance.receivedUnder',
  'provenance.restriction',
  'sourceGrade',
  'informationGrade',
  'tlp',
  'legalBasis',
  'purpose',
  'retentionUntil',
  'retentionReason',
] as const;
type FieldName = (typeof SHOWN_FIELDS)[number];
const FIELDS_UNDER_MORE = ['legalBasis', 'purpose', 'retentionUntil'] as const satisfies readonly (keyof SignalFormValues & FieldName)[];

interface SignalFormProps {
  initial: SignalFormValues;
  phenomena: readonly Phenomenon[];
  submitLabel: string;
  /**
   * Saves; answers the core's error (shown beside its field), or null when saved. With
   * `askRetentionReason`, a changed retention date comes with the reason the user gave for it.
   */
  onSubmit(fields: SignalFields, retentionReason?: string): Promise<ApiError | null>;
  /** Editing a stored signal: a changed retention date needs a reason ("Reden van de wijziging"). */
  askRetentionReason?: boolean;
  onCancel?(): void;
  /** The id of the heading that names the form. */
  labelledBy?: string;
}

/**
 * The signal's fields in the order of the work at the meldpunt, for the quick intake and for
 * editing. Keyboard first: the first field has the focus (its text selected, so typing replaces
 * today's date), Enter in a one-line field saves, Ctrl+Enter saves from anywhere (the description too).
 */
export function SignalForm({ initial, phenomena, submitLabel, onSubmit, onCancel, labelledBy, askRetentionReason = false }: SignalFormProps) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'nl';
  const fieldError = useFieldError();
  const options = useDomainOptions();
  const [values, setValues] = useState(initial);
  const [retentionReason, setRetentionReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<FieldName, ValidationCode>>>({});
  const [coreError, setCoreError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [moreOpen, setMoreOpen] = useState(FIELDS_UNDER_MORE.some((field) => initial[field] !== ''));
  /** Bumped after a failed save: the first invalid field takes the focus once it is rendered. */
  const [failedSaves, setFailedSaves] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const reporterId = useId();

  useEffect(() => {
    firstFieldRef.current?.focus();
    firstFieldRef.current?.select();
  }, []);

  useEffect(() => {
    if (failedSaves === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failedSaves]);

  const set = <K extends keyof SignalFormValues>(field: K, value: SignalFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setLocalErrors((current) => (current[field as FieldName] ? { ...current, [field]: undefined } : current));
    // The core's complaint about this field no longer applies to what is being typed.
    setCoreError((current) => (current?.details?.field === field ? null : current));
  };

  const errorFor = (field: FieldName): string | null => {
    const local = localErrors[field];
    if (local) return validationMessages[language][local];
    return fieldError.forField(coreError, field);
  };

  const anonymous = values.howReceived === 'anoniem';
  // Changed as the core sees it: another date (or none), not the same date written another way.
  const retentionChanged = askRetentionReason && retentionDateOf(values.retentionUntil) !== retentionDateOf(initial.retentionUntil);

  // The form fires this without awaiting: onSubmit never rejects, a failure comes back as the error it returns.
  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const receivedOn = parseDutchDate(values.receivedOn);
    const retentionUntil = values.retentionUntil.trim() === '' ? null : parseDutchDate(values.retentionUntil);
    const problems: Partial<Record<FieldName, ValidationCode>> = {};
    if (!receivedOn.ok) problems.receivedOn = receivedOn.reason;
    if (retentionUntil && !retentionUntil.ok) problems.retentionUntil = retentionUntil.reason;
    if (values.summary.trim() === '') problems.summary = 'text.required';
    if (retentionChanged && retentionReason.trim() === '') problems.retentionReason = 'text.required';
    setLocalErrors(problems);
    setCoreError(null);
    if (!receivedOn.ok || (retentionUntil && !retentionUntil.ok) || Object.keys(problems).length > 0) {
      if (problems.retentionUntil || problems.retentionReason) setMoreOpen(true);
      setFailedSaves((count) => count + 1);
      return;
    }
    setBusy(true);
    const error = await onSubmit(
      {
        receivedOn: receivedOn.value,
        howReceived: values.howReceived,
        phenomenonId: values.phenomenonId === '' ? null : Number(values.phenomenonId),
        summary: values.summary,
        description: values.description,
        location: values.location,
        // An anonymous report has no reporter: what was typed before choosing "anoniem" is not kept.
        reporterName: anonymous ? null : values.reporterName,
        reporterContact: anonymous ? null : values.reporterContact,
        reporterProtected: values.reporterProtected,
        origin: values.origin === '' ? null : values.origin,
        provenance: provenanceInput(values.provenance),
        sourceGrade: values.sourceGrade,
        informationGrade: values.informationGrade,
        tlp: values.tlp,
        legalBasis: values.legalBasis,
        purpose: values.purpose,
        retentionUntil: retentionUntil ? retentionUntil.value : null,
      },
      retentionChanged ? retentionReason.trim() : undefined,
    );
    // On success the caller usually replaces the form; on failure it stays, with the error beside its field.
    if (!formRef.current) return;
    setBusy(false);
    if (error) {
      setCoreError(error);
      const field = typeof error.details?.field === 'string' ? error.details.field : null;
      if (field && ([...FIELDS_UNDER_MORE, 'retentionReason'] as readonly string[]).includes(field)) setMoreOpen(true);
      setFailedSaves((count) => count + 1);
    }
  }

  function saveOnCtrlEnter(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const general = fieldError.general(coreError, SHOWN_FIELDS);

  return (
    <form ref={formRef} className="app-form signals-form" onSubmit={(event) => void submit(event)} onKeyDown={saveOnCtrlEnter} noValidate aria-labelledby={labelledBy}>
      <div className="signals-form__row">
        <DateField
          label={t('signals.form.receivedOn')}
          hint={false}
          error={errorFor('receivedOn')}
          inputRef={firstFieldRef}
          value={values.receivedOn}
          onChange={(text) => set('receivedOn', text)}
          inputClassName="app-textbox--short"
        />
        <SelectField
          label={t('signals.form.howReceived')}
          error={errorFor('howReceived')}
          options={HOW_RECEIVED.map((value) => ({ value, label: t(`domain.howReceived.${value}`) }))}
          value={values.howReceived}
          onChange={(event) => set('howReceived', event.target.value as HowReceived)}
        />
        <PhenomenonSelect
          label={t('signals.form.phenomenon')}
          error={errorFor('phenomenonId')}
          phenomena={phenomena}
          emptyLabel={t('signals.form.noPhenomenon')}
          groupLabel={(label) => t('signals.form.phenomenonGeneral', { label })}
          value={values.phenomenonId}
          onChange={(event) => set('phenomenonId', event.target.value)}
        />
      </div>
      <TextField
        label={t('signals.form.summary')}
        description={t('signals.form.summaryHint')}
        error={errorFor('summary')}
        value={values.summary}
        onChange={(event) => set('summary', event.target.value)}
        maxLength={200}
        autoComplete="off"
      />
      <TextAreaField
        label={t('signals.form.description')}
        description={t('signals.form.descriptionHint')}
        error={errorFor('description')}
        value={values.description}
        onChange={(event) => set('description', event.target.value)}
        rows={4}
      />
      <TextField
        label={t('signals.form.location')}
        error={errorFor('location')}
        value={values.location}
        onChange={(event) => set('location', event.target.value)}
        maxLength={200}
        autoComplete="off"
      />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset signals-form__fieldset" aria-describedby={anonymous ? reporterId : undefined}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('signals.form.reporter')}</legend>
        {anonymous ? (
          <p className="utrecht-paragraph app-muted" id={reporterId}>
            {t('signals.form.reporterAnonymous')}
          </p>
        ) : (
          <>
            <div className="signals-form__row signals-form__row--two">
              <TextField
                label={t('signals.form.reporterName')}
                error={errorFor('reporterName')}
                value={values.reporterName}
                onChange={(event) => set('reporterName', event.target.value)}
                maxLength={200}
                autoComplete="off"
              />
              <TextField
                label={t('signals.form.reporterContact')}
                error={errorFor('reporterContact')}
                value={values.reporterContact}
                onChange={(event) => set('reporterContact', event.target.value)}
                maxLength={200}
                autoComplete="off"
              />
            </div>
            <div className="utrecht-form-field utrecht-form-field--checkbox app-radio-field">
              <input
                type="checkbox"
                id={`${reporterId}-protected`}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={values.reporterProtected}
                onChange={(event) => set('reporterProtected', event.target.checked)}
              />
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${reporterId}-protected`}>
                {t('signals.form.reporterProtected')}
              </label>
            </div>
          </>
        )}
      </fieldset>
      <ProvenanceFields
        className="signals-form__fieldset"
        value={values.provenance}
        onChange={(provenance) => {
          // A supplier among the fixed partners is also the signal's "afkomstig van", which older views and prints read.
          if (provenance.originator !== values.provenance.originator) set('origin', partnerOf(provenance.originator));
          set('provenance', provenance);
        }}
        errorFor={(field) => errorFor(`provenance.${field}`) ?? (field === 'originator' ? errorFor('origin') : null)}
      />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset signals-form__fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('signals.form.weighing')}</legend>
        <div className="signals-form__row signals-form__row--two">
          <SelectField
            label={t('signals.form.sourceGrade')}
            error={errorFor('sourceGrade')}
            options={options.sourceGrades}
            value={values.sourceGrade}
            onChange={(event) => set('sourceGrade', event.target.value as SourceGrade)}
          />
          <SelectField
            label={t('signals.form.informationGrade')}
            error={errorFor('informationGrade')}
            options={options.informationGrades}
            value={String(values.informationGrade)}
            onChange={(event) => set('informationGrade', Number(event.target.value) as InformationGrade)}
          />
        </div>
        <SelectField
          label={t('signals.form.tlp')}
          error={errorFor('tlp')}
          options={options.tlpCodes}
          value={values.tlp}
          onChange={(event) => set('tlp', event.target.value as TlpCode)}
        />
      </fieldset>
      <details className="signals-form__more" open={moreOpen} onToggle={(event) => setMoreOpen(event.currentTarget.open)}>
        <summary className="signals-form__more-summary">{t('signals.form.more')}</summary>
        <div className="signals-form__more-body">
          <TextField
            label={t('signals.form.legalBasis')}
            error={errorFor('legalBasis')}
            value={values.legalBasis}
            onChange={(event) => set('legalBasis', event.target.value)}
            maxLength={200}
          />
          <TextField
            label={t('signals.form.purpose')}
            error={errorFor('purpose')}
            value={values.purpose}
            onChange={(event) => set('purpose', event.target.value)}
            maxLength={200}
          />
          <DateField
            label={t('signals.form.retentionUntil')}
            description={t('signals.form.retentionHint')}
            hint={false}
            error={errorFor('retentionUntil')}
            value={values.retentionUntil}
            onChange={(text) => set('retentionUntil', text)}
            inputClassName="app-textbox--short"
          />
          {retentionChanged && (
            <RetentionReasonField
              value={retentionReason}
              onChange={(value) => {
                setRetentionReason(value);
                setLocalErrors((current) => (current.retentionReason ? { ...current, retentionReason: undefined } : current));
                setCoreError((current) => (current?.details?.field === 'retentionReason' ? null : current));
              }}
              error={errorFor('retentionReason')}
            />
          )}
        </div>
      </details>
      {general && <Alert type="error">{general}</Alert>}
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy} busyLabel={t('signals.form.saving')}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button appearance="secondary" onClick={onCancel}>
            {t('signals.form.cancel')}
          </Button>
        )}
      </div>
      <p className="utrecht-paragraph app-muted signals-form__hint">{t('signals.form.keyboardHint')}</p>
    </form>
  );
}
