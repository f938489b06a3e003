import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { PublicLayout } from '../components/PublicLayout';
import { RecoveryKeyCard } from '../components/RecoveryKeyCard';
import { RecoveryKeyConfirmation } from '../components/RecoveryKeyConfirmation';
import { useFocusHeading } from '../components/useFocusHeading';
import { useNavigation } from '../store/navigation';
import { useSession } from '../store/session';

/** Shown once after creating a vault: the key, how to keep it, and proof that it was kept. */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const showSection = useNavigation((state) => state.showSection);
  const vaultName = useSession((state) => state.status.name);

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
      <RecoveryKeyConfirmation
        recoveryKey={recoveryKey}
        headingLevel={2}
        submitLabel={t('recoveryKey.confirmSubmit')}
        className="app-card"
        onConfirmed={() => showSection('signals')}
      />
    </PublicLayout>
  );
}
