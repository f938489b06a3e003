import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { PassphraseField } from '../components/PassphraseField';
import { PublicLayout } from '../components/PublicLayout';
import { TextField } from '../components/TextField';
import { useCountdown } from '../components/useCountdown';
import { useErrorText } from '../components/useErrorText';
import { useFocusHeading } from '../components/useFocusHeading';
import { callCore } from '../core-client';
import { vaultNameOfPath } from '../format/path';
import { useNavigation } from '../store/navigation';
import { useSession, type LockReason } from '../store/session';

type Method = 'passphrase' | 'recovery-key';

const LOCK_REASON_KEYS = {
  idle: 'unlock.lockedBecause.idle',
  user: 'unlock.lockedBecause.user',
  suspend: 'unlock.lockedBecause.suspend',
  'screen-lock': 'unlock.lockedBecause.screenLock',
  shutdown: 'unlock.lockedBecause.shutdown',
  unknown: 'unlock.lockedBecause.unknown',
} as const satisfies Record<LockReason, string>;

export function UnlockScreen({ vaultPath }: { vaultPath: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const go = useNavigation((state) => state.go);
  const lockReason = useSession((state) => state.lockReason);
  const vaultOpened = useSession((state) => state.vaultOpened);
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [secondsLeft, waitSeconds] = useCountdown();
  const inputRef = useRef<HTMLInputElement>(null);
  const waiting = secondsLeft > 0;

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waiting || secret === '') return;
    setBusy(true);
    setError(null);
    const result =
      method === 'passphrase'
        ? await callCore('vault.unlock', { path: vaultPath, passphrase: secret })
        : await callCore('vault.unlockWithRecoveryKey', { path: vaultPath, recoveryKey: secret.trim() });
    setBusy(false);
    if (result.ok) {
      vaultOpened(result.value, method);
      return;
    }
    setError(result.error);
    const retryAfter = Number(result.error.details?.retryAfterSeconds ?? 0);
    if (retryAfter > 0) waitSeconds(retryAfter);
    setSecret('');
    inputRef.current?.focus();
  }

  function switchMethod(next: Method) {
    setMethod(next);
    setSecret('');
    setError(null);
  }

  const retryAfter = Number(error?.details?.retryAfterSeconds ?? 0);
  const showRetryHint = error && error.code !== 'TOO_MANY_ATTEMPTS' && retryAfter > 0;

  return (
    <PublicLayout>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('unlock.title')}
      </h1>
      {/* Say why only when the user did not lock it themselves. */}
      {lockReason && lockReason !== 'user' && <Alert type="info">{t(LOCK_REASON_KEYS[lockReason])}</Alert>}
      <form className="app-form app-card" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <dl className="utrecht-data-list app-vault-identity">
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t('unlock.vaultLabel')}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd app-vault-identity__name">{vaultNameOfPath(vaultPath)}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t('unlock.pathLabel')}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd app-path">{vaultPath}</dd>
          </div>
        </dl>
        {error && (
          <Alert type="error">
            {errorText(error)}
            {showRetryHint && ` ${t('unlock.waitBeforeRetry', { seconds: retryAfter })}`}
          </Alert>
        )}
        {method === 'passphrase' ? (
          <PassphraseField key="passphrase" label={t('unlock.passphraseLabel')} autoComplete="current-password" value={secret} onValueChange={setSecret} inputRef={inputRef} />
        ) : (
          <TextField
            key="recovery-key"
            label={t('unlock.recoveryKeyLabel')}
            description={t('unlock.recoveryKeyDescription')}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            inputRef={inputRef}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            inputClassName="app-textbox--monospace"
          />
        )}
        <div className="utrecht-button-group">
          <Button
            type="submit"
            appearance="primary"
            busy={busy || waiting}
            spinner={!waiting}
            busyLabel={waiting ? t('unlock.waitCountdown', { seconds: secondsLeft }) : t('unlock.busy')}
          >
            {t('unlock.submit')}
          </Button>
        </div>
        <div className="app-link-list">
          <button
            type="button"
            className="utrecht-link-button utrecht-link-button--html-button"
            onClick={() => switchMethod(method === 'passphrase' ? 'recovery-key' : 'passphrase')}
          >
            {method === 'passphrase' ? t('unlock.useRecoveryKey') : t('unlock.usePassphrase')}
          </button>
          <button type="button" className="utrecht-link-button utrecht-link-button--html-button" onClick={() => go({ name: 'welcome' })}>
            {t('unlock.otherVault')}
          </button>
        </div>
      </form>
    </PublicLayout>
  );
}
