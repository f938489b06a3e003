import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Input, Measure } from '../../../../shared/api';
import { DEFAULT_TLP, type MeasureKind, type MeasureStage, type Partner, type TlpCode } from '../../../../shared/domain/enums';
import type { Provenance } from '../../../../shared/domain/sharing';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { newFactProvenance, ProvenanceFields, provenanceInput, sameProvenance } from '../../components/ProvenanceFields';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useFormErrors } from './form-errors';
import { TlpBadge } from '../../components/Weighing';
import type { DossierTabProps } from './tab-props';

const DATE_FIELDS = ['plannedOn', 'startedOn', 'decidedOn'] as const;

/** The interventions on the dossier (handelingsperspectieven), with who does them, when, and how far they are. */
export function MeasuresTab({ dossier, onDossierChanged }: DossierTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const measures = useCoreQuery('measure.list', { dossierId: dossier.id });
  /** null: no form; 'new': adding; a measure: editing it. */
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [saved, setSaved] = useState<'added' | 'updated' | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const closeForm = () => {
    setEditing(null);
    requestAnimationFrame(() => addButtonRef.current?.focus());
  };

  return (
    <Section
      title={t('dossiers.measures.title')}
      actions={
        editing === null && (
          <Button
            ref={addButtonRef}
            appearance="primary"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            {t('dossiers.measures.add')}
          </Button>
        )
      }
    >
      {editing !== null && (
        <MeasureForm
          key={editing === 'new' ? 'new' : editing.id}
          dossierId={dossier.id}
          measure={editing === 'new' ? null : editing}
          onCancel={closeForm}
          onSaved={() => {
            setSaved(editing === 'new' ? 'added' : 'updated');
            closeForm();
            measures.reload();
            onDossierChanged();
          }}
        />
      )}
      {saved && <Alert type="ok">{t(`dossiers.measures.${saved}`)}</Alert>}
      {measures.error && <Alert type="error">{errorText(measures.error)}</Alert>}
      {measures.data?.length === 0 && <p className="utrecht-paragraph app-muted">{t('dossiers.measures.none')}</p>}
      {measures.data && measures.data.length > 0 && (
        <div className="app-dossier-table-scroll">
          <table className="utrecht-table utrecht-table--html-table app-dossier-table app-dossier-measures-table" data-testid="measures-table">
            <caption className="app-visually-hidden">{t('dossiers.measures.caption', { number: dossier.number })}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.measures.kind')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.measures.partner')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.measures.dates')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.measures.stage')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.measures.outcome')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.fields.tlp')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  <span className="app-visually-hidden">{t('dossiers.measures.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {measures.data.map((measure) => {
                const kind = t(`domain.measureKind.${measure.kind}`);
                return (
                  <tr key={measure.id} className="utrecht-table__row" id={`measure-${measure.id}`}>
                    <td className="utrecht-table__cell">
                      <strong>{kind}</strong>
                      {measure.description && <span className="app-dossier-cell-note app-dossier-prewrap">{measure.description}</span>}
                      <ProvenanceLine provenance={measure.provenance} />
                    </td>
                    <td className="utrecht-table__cell">{measure.partner ? t(`domain.partner.${measure.partner}`) : <span className="app-muted">—</span>}</td>
                    <td className="utrecht-table__cell">
                      <MeasureDates measure={measure} />
                    </td>
                    <td className="utrecht-table__cell">
                      <span className={`app-dossier-stage app-dossier-stage--${measure.stage}`}>{t(`domain.measureStage.${measure.stage}`)}</span>
                    </td>
                    <td className="utrecht-table__cell app-dossier-prewrap">{measure.outcome ?? <span className="app-muted">—</span>}</td>
                    <td className="utrecht-table__cell">
                      <TlpBadge tlp={measure.tlp} />
                    </td>
                    <td className="utrecht-table__cell">
                      <Button
                        appearance="subtle"
                        onClick={() => {
                          setSaved(null);
                          setEditing(measure);
                        }}
                        aria-label={t('dossiers.measures.editLabel', { kind })}
                      >
                        {t('dossiers.measures.edit')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** Planned, started and decided, each on its own line, as far as they are known. */
function MeasureDates({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const known = DATE_FIELDS.filter((field) => measure[field] !== null);
  if (known.length === 0) return <span className="app-muted">{t('dossiers.measures.noDates')}</span>;
  return (
    <dl className="app-dossier-measure-dates">
      {known.map((field) => (
        <div key={field}>
          <dt>{t(`dossiers.measures.${field}`)}</dt>
          <dd>
            <time dateTime={measure[field]!}>{formatDate(measure[field]!, language)}</time>
          </dd>
        </div>
      ))}
    </dl>
  );
}

const MEASURE_FIELDS = ['kind', 'description', 'partner', 'plannedOn', 'startedOn', 'decidedOn', 'stage', 'outcome', 'tlp'] as const;
type MeasureField = (typeof MEASURE_FIELDS)[number];
const PROVENANCE_FIELDS = ['provenance.originator', 'provenance.receivedUnder', 'provenance.restriction'] as const;

interface MeasureDraft {
  kind: MeasureKind | '';
  description: string;
  partner: Partner | '';
  plannedOn: string;
  startedOn: string;
  decidedOn: string;
  stage: MeasureStage;
  outcome: string;
  tlp: TlpCode;
  provenance: Provenance;
}

function draftOf(measure: Measure | null, toText: (iso: string | null) => string): MeasureDraft {
  return {
    kind: measure?.kind ?? '',
    description: measure?.description ?? '',
    partner: measure?.partner ?? '',
    plannedOn: toText(measure?.plannedOn ?? null),
    startedOn: toText(measure?.startedOn ?? null),
    decidedOn: toText(measure?.decidedOn ?? null),
    stage: measure?.stage ?? 'gepland',
    outcome: measure?.outcome ?? '',
    tlp: measure?.tlp ?? DEFAULT_TLP,
    provenance: measure?.provenance ?? newFactProvenance(),
  };
}

type MeasureFields = Omit<Input<'measure.update'>, 'measureId'>;
type MeasureDates = Record<'plannedOn' | 'startedOn' | 'decidedOn', string | null>;

/** The draft as measure fields, its dates parsed; with `before`, only what changed (an emptied field becomes null: cleared). */
function fieldsOf(draft: MeasureDraft, dates: MeasureDates, before: MeasureDraft | null): MeasureFields {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const all: MeasureFields = {
    kind: draft.kind === '' ? undefined : draft.kind,
    description: text(draft.description),
    partner: draft.partner === '' ? null : draft.partner,
    ...dates,
    stage: draft.stage,
    outcome: text(draft.outcome),
    tlp: draft.tlp,
    provenance: provenanceInput(draft.provenance),
  };
  if (!before) return all;
  const changed: MeasureFields = {};
  for (const field of MEASURE_FIELDS) {
    if (draft[field] !== before[field]) Object.assign(changed, { [field]: all[field] });
  }
  if (!sameProvenance(draft.provenance, before.provenance)) changed.provenance = all.provenance;
  return changed;
}

function MeasureForm({ dossierId, measure, onSaved, onCancel }: { dossierId: number; measure: Measure | null; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const options = useDomainOptions();
  const dateText = useDateText();
  const [initial] = useState(() => draftOf(measure, dateText.toText));
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<MeasureField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errors = useFormErrors(error, [...MEASURE_FIELDS, ...PROVENANCE_FIELDS]);
  const change = (changes: Partial<MeasureDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setProblems({});
    setError(null);
  };

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found: Partial<Record<MeasureField, string>> = {};
    const dates: MeasureDates = { plannedOn: null, startedOn: null, decidedOn: null };
    for (const field of DATE_FIELDS) {
      const parsed = dateText.parse(draft[field]);
      if (parsed.ok) dates[field] = parsed.value;
      else found[field] = parsed.message;
    }
    // No order between the dates: a 13b closure is decided before it starts, a Bibob-toets starts before its decision.
    if (draft.kind === '') found.kind = t('dossiers.measures.kindRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = measure
      ? await callCore('measure.update', { measureId: measure.id, ...fieldsOf(draft, dates, initial) })
      : await callCore('measure.add', { dossierId, ...fieldsOf(draft, dates, null), kind: draft.kind as MeasureKind });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(result.error);
  }

  const fieldError = (field: MeasureField) => problems[field] ?? errors.forField(field);
  const general = errors.general();
  const kindLabel = measure ? t(`domain.measureKind.${measure.kind}`) : null;
  return (
    <form
      className="app-form app-dossier-inline-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={kindLabel ? t('dossiers.measures.editFormLabel', { kind: kindLabel }) : t('dossiers.measures.addFormLabel')}
    >
      <h3 className="utrecht-heading-3 app-dossier-inline-form__title">
        {kindLabel ? t('dossiers.measures.editFormLabel', { kind: kindLabel }) : t('dossiers.measures.addFormLabel')}
      </h3>
      <SelectField
        label={t('dossiers.measures.kind')}
        options={options.measureKinds}
        emptyLabel={measure ? undefined : t('dossiers.status.chooseOption')}
        value={draft.kind}
        onChange={(event) => change({ kind: event.target.value as MeasureKind | '' })}
        error={fieldError('kind')}
        autoFocus
      />
      <TextAreaField
        label={t('dossiers.measures.description')}
        value={draft.description}
        onChange={(event) => change({ description: event.target.value })}
        error={fieldError('description')}
        rows={3}
      />
      <div className="app-dossier-form-row">
        <SelectField
          label={t('dossiers.measures.partner')}
          options={options.partners}
          emptyLabel={t('dossiers.measures.noPartner')}
          value={draft.partner}
          onChange={(event) => change({ partner: event.target.value as Partner | '' })}
          error={fieldError('partner')}
        />
        <SelectField
          label={t('dossiers.measures.stage')}
          options={options.measureStages}
          value={draft.stage}
          onChange={(event) => change({ stage: event.target.value as MeasureStage })}
          error={fieldError('stage')}
        />
      </div>
      <div className="app-dossier-form-row app-dossier-form-row--dates">
        {DATE_FIELDS.map((field) => (
          <DateField key={field} label={t(`dossiers.measures.${field}`)} value={draft[field]} onChange={(text) => change({ [field]: text })} error={fieldError(field)} />
        ))}
      </div>
      <TextAreaField
        label={t('dossiers.measures.outcome')}
        value={draft.outcome}
        onChange={(event) => change({ outcome: event.target.value })}
        error={fieldError('outcome')}
        rows={3}
      />
      <SelectField
        label={t('dossiers.fields.tlp')}
        options={options.tlpCodes}
        value={draft.tlp}
        onChange={(event) => change({ tlp: event.target.value as TlpCode })}
        error={fieldError('tlp')}
      />
      <ProvenanceFields value={draft.provenance} onChange={(provenance) => change({ provenance })} errorFor={(field) => errors.forField(`provenance.${field}`)} />
      {general && <Alert type="error">{general}</Alert>}
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy} busyLabel={t('dossiers.measures.busy')}>
          {measure ? t('dossiers.measures.saveChanges') : t('dossiers.measures.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
