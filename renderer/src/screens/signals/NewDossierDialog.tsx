import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { DossierSummary, Signal } from '../../../../shared/api/dossier-types';
import type { Priority } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { useSession } from '../../store/session';

interface NewDossierDialogProps {
  signal: Signal;
  onClose(): void;
  onCreated(dossier: DossierSummary): void;
}

/** A new dossier from a loose signal: a title (the summary unless changed), a priority and an owner (the user unless changed). */
export function NewDossierDialog({ signal, onClose, onCreated }: NewDossierDialogProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const options = useDomainOptions();
  const displayName = useSession((state) => state.status.displayName);
  const [title, setTitle] = useState(signal.summary);
  const [priority, setPriority] = useState<Priority>('normaal');
  const [owner, setOwner] = useState(displayName ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await callCore('signal.toDossier', { signalId: signal.id, title, priority, owner });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  }

  const general = fieldError.general(error, ['title', 'priority', 'owner']);

  return (
    <Dialog title={t('signals.signal.toDossierDialog.title')} onClose={onClose}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="utrecht-paragraph">{t('signals.signal.toDossierDialog.body')}</p>
        <TextField
          label={t('signals.signal.toDossierDialog.dossierTitle')}
          error={fieldError.forField(error, 'title')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={200}
          autoComplete="off"
          autoFocus
        />
        <SelectField
          label={t('signals.signal.toDossierDialog.priority')}
          error={fieldError.forField(error, 'priority')}
          options={options.priorities}
          value={priority}
          onChange={(event) => setPriority(event.target.value as Priority)}
        />
        <TextField
          label={t('signals.signal.toDossierDialog.owner')}
          error={fieldError.forField(error, 'owner')}
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
          maxLength={200}
          autoComplete="off"
        />
        {general && <Alert type="error">{general}</Alert>}
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={busy} busyLabel={t('signals.signal.toDossierDialog.busy')}>
            {t('signals.signal.toDossierDialog.submit')}
          </Button>
          <Button appearance="secondary" onClick={onClose}>
            {t('signals.form.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
