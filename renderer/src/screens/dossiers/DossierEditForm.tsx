import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Dossier, Input } from '../../../../shared/api';
import type { Partner, Priority, TlpCode } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { RetentionReasonField } from '../../components/RetentionReasonField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { callCore } from '../../core-client';
import { useFormErrors } from './form-errors';
import { PartnerPicker, PhenomenaPicker } from './pickers';

const FIELDS = ['title', 'summary', 'priority', 'owner', 'phenomenonIds', 'partners', 'tlp', 'legalBasis', 'purpose', 'retentionUntil', 'retentionReason'] as const;

interface Draft {
  title: string;
  summary: string;
  priority: Priority;
  owner: string;
  phenomenonIds: number[];
  partners: Partner[];
  tlp: TlpCode;
  legalBasis: string;
  purpose: string;
  retentionUntil: string;
}

function draftOf(dossier: Dossier, toText: (iso: string | null) => string): Draft {
  return {
    title: dossier.title,
    summary: dossier.summary ?? '',
    priority: dossier.priority,
    owner: dossier.owner ?? '',
    phenomenonIds: dossier.phenomena.map((phenomenon) => phenomenon.id),
    partners: [...dossier.partners],
    tlp: dossier.tlp,
    legalBasis: dossier.legalBasis ?? '',
    purpose: dossier.purpose ?? '',
    retentionUntil: toText(dossier.retentionUntil),
  };
}

const sameSet = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item) => b.includes(item));

/**
 * Only what the user changed goes to dossier.update, so that the audit trail names the fields that
 * really changed. An emptied optional field is sent as null: it is cleared.
 */
function changesOf(before: Draft, after: Draft, retention: { until: string | null; reason: string } | null): Omit<Input<'dossier.update'>, 'dossierId'> {
  const changes: Omit<Input<'dossier.update'>, 'dossierId'> = {};
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  if (after.title !== before.title) changes.title = after.title;
  if (after.summary !== before.summary) changes.summary = text(after.summary);
  if (after.priority !== before.priority) changes.priority = after.priority;
  if (after.owner !== before.owner) changes.owner = text(after.owner);
  if (!sameSet(after.phenomenonIds, before.phenomenonIds)) changes.phenomenonIds = after.phenomenonIds;
  if (!sameSet(after.partners, before.partners)) changes.partners = after.partners;
  if (after.tlp !== before.tlp) changes.tlp = after.tlp;
  if (after.legalBasis !== before.legalBasis) changes.legalBasis = text(after.legalBasis);
  if (after.purpose !== before.purpose) changes.purpose = text(after.purpose);
  if (retention) {
    changes.retentionUntil = retention.until;
    changes.retentionReason = retention.reason;
  }
  return changes;
}

/** Every field of a dossier that can change (the status changes on its own form, with its history). */
export function DossierEditForm({ dossier, onSaved, onCancel }: { dossier: Dossier; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const options = useDomainOptions();
  const dates = useDateText();
  const [initial] = useState(() => draftOf(dossier, dates.toText));
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [retentionReason, setRetentionReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errors = useFormErrors(error, FIELDS);
  const change = (changes: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setError(null);
  };

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    const retentionUntil = dates.parse(draft.retentionUntil);
    setDateProblem(retentionUntil.ok ? null : retentionUntil.message);
    const missing = retentionChanged && retentionReason.trim() === '';
    setReasonMissing(missing);
    if (!retentionUntil.ok || missing) return;
    const changes = changesOf(initial, draft, retentionChanged ? { until: retentionUntil.value, reason: retentionReason.trim() } : null);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await callCore('dossier.update', { dossierId: dossier.id, ...changes });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(result.error);
  }

  // Changed is what the core will see as changed: another date (or none), not another way of writing the same one.
  const parsedRetention = dates.parse(draft.retentionUntil);
  const retentionChanged = !parsedRetention.ok || parsedRetention.value !== dossier.retentionUntil;
  const general = errors.general();
  return (
    <form className="app-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('dossiers.edit.formLabel')}>
      <TextField
        label={t('dossiers.fields.title')}
        value={draft.title}
        onChange={(event) => change({ title: event.target.value })}
        error={errors.forField('title')}
        autoFocus
      />
      <TextAreaField
        label={t('dossiers.fields.summary')}
        value={draft.summary}
        onChange={(event) => change({ summary: event.target.value })}
        error={errors.forField('summary')}
        rows={5}
      />
      <div className="app-dossier-form-row">
        <SelectField
          label={t('dossiers.fields.priority')}
          options={options.priorities}
          value={draft.priority}
          onChange={(event) => change({ priority: event.target.value as Priority })}
          error={errors.forField('priority')}
        />
        <TextField label={t('dossiers.fields.owner')} value={draft.owner} onChange={(event) => change({ owner: event.target.value })} error={errors.forField('owner')} />
      </div>
      <PhenomenaPicker value={draft.phenomenonIds} onChange={(phenomenonIds) => change({ phenomenonIds })} error={errors.forField('phenomenonIds')} />
      <PartnerPicker value={draft.partners} onChange={(partners) => change({ partners })} />
      <SelectField
        label={t('dossiers.fields.tlp')}
        description={t('dossiers.fields.tlpDescription')}
        options={options.tlpCodes}
        value={draft.tlp}
        onChange={(event) => change({ tlp: event.target.value as TlpCode })}
        error={errors.forField('tlp')}
      />
      <TextField
        label={t('dossiers.fields.legalBasis')}
        description={t('dossiers.fields.legalBasisDescription')}
        value={draft.legalBasis}
        onChange={(event) => change({ legalBasis: event.target.value })}
        error={errors.forField('legalBasis')}
      />
      <TextField
        label={t('dossiers.fields.purpose')}
        description={t('dossiers.fields.purposeDescription')}
        value={draft.purpose}
        onChange={(event) => change({ purpose: event.target.value })}
        error={errors.forField('purpose')}
      />
      <DateField
        label={t('dossiers.fields.retentionUntil')}
        description={t('dossiers.fields.retentionDescription')}
        value={draft.retentionUntil}
        onChange={(retentionUntil) => {
          change({ retentionUntil });
          setDateProblem(null);
        }}
        error={dateProblem ?? errors.forField('retentionUntil')}
      />
      {retentionChanged && (
        <RetentionReasonField
          value={retentionReason}
          onChange={(value) => {
            setRetentionReason(value);
            setReasonMissing(false);
            setError(null);
          }}
          error={reasonMissing ? t('reports.retention.reasonRequired') : errors.forField('retentionReason')}
        />
      )}
      {general && <Alert type="error">{general}</Alert>}
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy} busyLabel={t('dossiers.edit.busy')}>
          {t('dossiers.edit.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
