import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { useFocusHeading } from '../../components/useFocusHeading';
import { useSession } from '../../store/session';
import { useSettings } from '../../store/settings';
import { AutoLockSettings } from './AutoLockSettings';
import { BackupSettings } from './BackupSettings';
import { ChangePassphraseSettings } from './ChangePassphraseSettings';
import { LanguageSettings } from './LanguageSettings';
import { LegalBasesSettings } from './LegalBasesSettings';
import { OrganisationsSettings } from './OrganisationsSettings';
import { PhenomenaSettings } from './PhenomenaSettings';
import { ProcessingRegisterSettings } from './ProcessingRegisterSettings';
import { RecoveryKeySettings } from './RecoveryKeySettings';
import { RotateKeySettings } from './RotateKeySettings';

export function SettingsScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const settings = useSettings((state) => state.settings);
  const openedWithRecoveryKey = useSession((state) => state.openedWithRecoveryKey);
  const appVersion = useSession((state) => state.appInfo?.version);
  return (
    <>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('settings.title')}
      </h1>
      {openedWithRecoveryKey && <Alert type="warning">{t('settings.recoveredNotice')}</Alert>}
      <div className="app-settings">
        <ChangePassphraseSettings />
        {settings ? (
          <>
            <AutoLockSettings settings={settings} />
            <LanguageSettings settings={settings} />
          </>
        ) : (
          <p className="utrecht-paragraph">{t('settings.loading')}</p>
        )}
        <BackupSettings />
        <RecoveryKeySettings />
        <RotateKeySettings />
        <PhenomenaSettings />
        <OrganisationsSettings />
        <LegalBasesSettings />
        <ProcessingRegisterSettings />
      </div>
      {appVersion && <p className="utrecht-paragraph app-muted app-version">{t('app.version', { version: appVersion })}</p>}
    </>
  );
}
