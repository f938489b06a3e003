import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from './components/PublicLayout';
import { useFocusHeading } from './components/useFocusHeading';
import { CreateVaultScreen } from './screens/CreateVaultScreen';
import { MainLayout } from './screens/MainLayout';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { useNavigation } from './store/navigation';

export function App() {
  const screen = useNavigation((state) => state.screen);
  const { t } = useTranslation();

  // The window title names the screen, so that a screen reader user and the task bar know where they are.
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  switch (screen.name) {
    case 'starting':
      return (
        <PublicLayout>
          <p className="utrecht-paragraph" role="status">
            {t('app.loading')}
          </p>
        </PublicLayout>
      );
    case 'no-access':
      return <NoAccessScreen />;
    case 'welcome':
      return <WelcomeScreen />;
    case 'create':
      return <CreateVaultScreen />;
    case 'recovery-key':
      return <RecoveryKeyScreen recoveryKey={screen.recoveryKey} />;
    case 'unlock':
      return <UnlockScreen key={screen.vaultPath} vaultPath={screen.vaultPath} />;
    case 'main':
      return <MainLayout route={screen.route} />;
  }
}

function NoAccessScreen() {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  return (
    <PublicLayout>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('noAccess.title')}
      </h1>
      <p className="utrecht-paragraph">{t('noAccess.body')}</p>
    </PublicLayout>
  );
}
