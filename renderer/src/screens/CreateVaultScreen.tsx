import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { checkNewPassphrase, NewPassphraseFields, type NewPassphraseValue } from '../components/NewPassphraseFields';
import { PathField } from '../components/PathField';
import { PublicLayout } from '../components/PublicLayout';
import { TextField } from '../components/TextField';
import { useErrorText } from '../components/useErrorText';
import { useFocusHeading } from '../components/useFocusHeading';
import { callCore } from '../core-client';
import { useNavigation } from '../store/navigation';
import { useSession } from '../store/session';

export function CreateVaultScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const go = useNavigation((state) => state.go);
  const defaultPath = useSession((state) => state.appInfo?.defaultVaultPath ?? '');
  const vaultCreated = useSession((state) => state.vaultCreated);

  const [vaultPath, setVaultPath] = useState(defaultPath);
  const [displayName, setDisplayName] = useState('');
  const [passphrases, setPassphrases] = useState<NewPassphraseValue>({ passphrase: '', repeat: '' });
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const pathMissing = vaultPath.trim() === '';
  const nameMissing = displayName.trim() === '';

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setError(null);
    const problems = checkNewPassphrase(passphrases);
    if (pathMissing || nameMissing || problems.passphrase || problems.repeat) return;
    setBusy(true);
    const result = await callCore('vault.create', { path: vaultPath.trim(), passphrase: passphrases.passphrase, displayName: displayName.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    vaultCreated(result.value.status, result.value.recoveryKey);
  }

  return (
    <PublicLayout>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('create.title')}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('create.lead')}</p>
      <form className="app-form app-card" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        {error && <Alert type="error">{errorText(error)}</Alert>}
        <PathField
          purpose="create-vault"
          label={t('create.pathLabel')}
          description={t('create.pathDescription')}
          error={attempted && pathMissing ? t('create.pathRequired') : null}
          value={vaultPath}
          onValueChange={setVaultPath}
          aria-required
        />
        <TextField
          label={t('create.displayNameLabel')}
          description={t('create.displayNameDescription')}
          error={attempted && nameMissing ? t('create.displayNameRequired') : null}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          autoComplete="name"
          maxLength={120}
          aria-required
        />
        <NewPassphraseFields
          label={t('create.passphraseLabel')}
          repeatLabel={t('create.repeatLabel')}
          value={passphrases}
          onChange={setPassphrases}
          showProblems={attempted}
        />
        {busy && (
          <p className="app-visually-hidden" role="status">
            {t('create.busy')}
          </p>
        )}
        <div className="utrecht-button-group">
          <Button type="submit" appearance="primary" busy={busy} busyLabel={t('create.busy')}>
            {t('create.submit')}
          </Button>
          <Button appearance="subtle" onClick={() => go({ name: 'welcome' })} disabled={busy}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </PublicLayout>
  );
}
