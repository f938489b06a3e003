import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { PublicLayout } from '../components/PublicLayout';
import { RecoveryKeyCard } from '../components/RecoveryKeyCard';
import { TextField } from '../components/TextField';
import { useFocusHeading } from '../components/useFocusHeading';
import { useNavigation } from '../store/navigation';
import { useSession } from '../store/session';

/** Crockford base32 reads I and L as 1 and O as 0; the check accepts what the core would accept. */
function normaliseGroup(text: string): string {
  return text.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** Shown once after creating a vault: the key, how to keep it, and proof that it was kept. */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const showSection = useNavigation((state) => state.showSection);
  const vaultName = useSession((state) => state.status.name);
  const [typedGroup, setTypedGroup] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const lastGroup = recoveryKey.split('-').pop() ?? '';

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (normaliseGroup(typedGroup) !== normaliseGroup(lastGroup)) {
      setMismatch(true);
      return;
    }
    showSection('signals');
  }

  return (
    <PublicLayout>
      <h1 className="utrecht-heading-1 app-no-print" ref={headingRef} tabIndex={-1}>
        {t('recoveryKey.title')}
      </h1>
      <div className="app-no-print">
        <Alert type="warning">{t('recoveryKey.onceWarning')}</Alert>
        <p className="utrecht-paragraph">{t('recoveryKey.instruction')}</p>
      </div>
      <RecoveryKeyCard recoveryKey={recoveryKey} vaultName={vaultName} />
      <form className="app-form app-card app-no-print" onSubmit={confirm} noValidate>
        <h2 className="utrecht-heading-2">{t('recoveryKey.confirmTitle')}</h2>
        <TextField
          label={t('recoveryKey.confirmLabel')}
          description={t('recoveryKey.confirmDescription')}
          error={mismatch ? t('recoveryKey.confirmMismatch') : null}
          value={typedGroup}
          onChange={(event) => {
            setTypedGroup(event.target.value);
            setMismatch(false);
          }}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={10}
          inputClassName="app-textbox--short app-textbox--monospace"
        />
        <Button type="submit" appearance="primary">
          {t('recoveryKey.confirmSubmit')}
        </Button>
      </form>
    </PublicLayout>
  );
}
