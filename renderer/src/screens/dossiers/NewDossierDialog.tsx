import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { DEFAULT_TLP, type Priority, type TlpCode } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { callCore } from '../../core-client';
import { useSession } from '../../store/session';
import { useFormErrors } from './form-errors';
import { PhenomenaPicker } from './pickers';

const FIELDS = ['title', 'priority', 'owner', 'phenomenonIds', 'tlp'] as const;

/** A new dossier with what is known at the start; the rest is filled in on its overview. */
export function NewDossierDialog({ onClose, onCreated }: { onClose(): void; onCreated(dossierId: number): void }) {
  const { t } = useTranslation();
  const options = useDomainOptions();
  const displayName = useSession((state) => state.status.displayName);
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('normaal');
  const [owner, setOwner] = useState(displayName ?? '');
  const [phenomenonIds, setPhenomenonIds] = useState<number[]>([]);
  const [tlp, setTlp] = useState<TlpCode>(DEFAULT_TLP);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errors = useFormErrors(error, FIELDS);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await callCore('dossier.create', { title, priority, owner: owner.trim() || null, phenomenonIds, tlp });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onCreated(result.value.id);
  }

  const general = errors.general();
  return (
    <Dialog title={t('dossiers.create.title')} onClose={onClose}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="utrecht-paragraph app-muted">{t('dossiers.create.lead')}</p>
        <TextField
          label={t('dossiers.fields.title')}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(null);
          }}
          error={errors.forField('title')}
          autoFocus
        />
        <div className="app-dossier-form-row">
          <SelectField
            label={t('dossiers.fields.priority')}
            options={options.priorities}
            value={priority}
            onChange={(event) => setPriority(event.target.value as Priority)}
            error={errors.forField('priority')}
          />
          <TextField label={t('dossiers.fields.owner')} value={owner} onChange={(event) => setOwner(event.target.value)} error={errors.forField('owner')} />
        </div>
        <PhenomenaPicker value={phenomenonIds} onChange={setPhenomenonIds} error={errors.forField('phenomenonIds')} />
        <SelectField
          label={t('dossiers.fields.tlp')}
          description={t('dossiers.fields.tlpDescription')}
          options={options.tlpCodes}
          value={tlp}
          onChange={(event) => setTlp(event.target.value as TlpCode)}
          error={errors.forField('tlp')}
        />
        {general && <Alert type="error">{general}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={busy} busyLabel={t('dossiers.create.busy')}>
            {t('dossiers.create.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
