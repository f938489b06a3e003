import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, RecentVault } from '../../../shared/api';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { PathField } from '../components/PathField';
import { PublicLayout } from '../components/PublicLayout';
import { useErrorText } from '../components/useErrorText';
import { useFocusHeading } from '../components/useFocusHeading';
import { callCore } from '../core-client';
import { formatDateTime } from '../format/date';
import { currentLanguage } from '../i18n';
import { useNavigation } from '../store/navigation';

export function WelcomeScreen() {
  const { t } = useTranslation();
  const go = useNavigation((state) => state.go);
  const headingRef = useFocusHeading();
  return (
    <PublicLayout>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('welcome.title')}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('welcome.lead')}</p>
      <div className="app-welcome-grid">
        <section className="app-card" aria-labelledby="welcome-new">
          <h2 className="utrecht-heading-2" id="welcome-new">
            {t('welcome.newVaultTitle')}
          </h2>
          <p className="utrecht-paragraph">{t('welcome.newVaultBody')}</p>
          <Button appearance="primary" onClick={() => go({ name: 'create' })}>
            {t('welcome.createButton')}
          </Button>
        </section>
        <section className="app-card" aria-labelledby="welcome-open">
          <h2 className="utrecht-heading-2" id="welcome-open">
            {t('welcome.openTitle')}
          </h2>
          <RecentVaultList onOpen={(vaultPath) => go({ name: 'unlock', vaultPath })} />
          <OpenByPathForm onOpen={(vaultPath) => go({ name: 'unlock', vaultPath })} />
        </section>
      </div>
    </PublicLayout>
  );
}

function RecentVaultList({ onOpen }: { onOpen(vaultPath: string): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [recent, setRecent] = useState<RecentVault[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [forgottenName, setForgottenName] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    void callCore('vault.recent', {}).then((result) => {
      if (!current) return;
      if (result.ok) setRecent(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, []);

  async function forget(vault: RecentVault) {
    const result = await callCore('vault.forgetRecent', { path: vault.path });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setRecent(result.value);
    setForgottenName(vault.name);
    // The button that had focus is gone: keep the keyboard user in the list.
    headingRef.current?.focus();
  }

  return (
    <div className="app-recent">
      <h3 className="utrecht-heading-3" ref={headingRef} tabIndex={-1}>
        {t('welcome.recentTitle')}
      </h3>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      {forgottenName && <Alert type="info">{t('welcome.forgotten', { name: forgottenName })}</Alert>}
      {recent === null && !error && <p className="utrecht-paragraph">{t('welcome.recentLoading')}</p>}
      {recent?.length === 0 && <p className="utrecht-paragraph app-muted">{t('welcome.recentEmpty')}</p>}
      {recent && recent.length > 0 && (
        <ul className="app-recent__list">
          {recent.map((vault) => (
            <li key={vault.path} className="app-recent__item">
              <div className="app-recent__text">
                <span className="app-recent__name">{vault.name}</span>
                <span className="app-recent__path">{vault.path}</span>
                <span className="app-recent__meta">
                  {t('welcome.lastOpened', { date: formatDateTime(vault.lastOpenedAt, currentLanguage()) })}
                  {!vault.exists && <span className="app-badge app-badge--warning">{t('welcome.fileMissing')}</span>}
                </span>
              </div>
              <div className="utrecht-button-group app-recent__actions">
                <Button appearance="primary" aria-label={t('welcome.openRecentLabel', { name: vault.name })} onClick={() => onOpen(vault.path)}>
                  {t('welcome.openRecent')}
                </Button>
                <Button appearance="subtle" aria-label={t('welcome.forgetLabel', { name: vault.name })} onClick={() => void forget(vault)}>
                  {t('welcome.forget')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function OpenByPathForm({ onOpen }: { onOpen(vaultPath: string): void }) {
  const { t } = useTranslation();
  const [vaultPath, setVaultPath] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = vaultPath.trim();
    if (!trimmed) {
      setMissing(true);
      return;
    }
    onOpen(trimmed);
  }

  return (
    <form className="app-form" onSubmit={submit} noValidate>
      <h3 className="utrecht-heading-3">{t('welcome.pathTitle')}</h3>
      <PathField
        purpose="open-vault"
        label={t('welcome.pathLabel')}
        description={t('welcome.pathDescription')}
        error={missing ? t('welcome.pathRequired') : null}
        value={vaultPath}
        onValueChange={(value) => {
          setVaultPath(value);
          setMissing(false);
        }}
      />
      <Button type="submit" appearance="secondary">
        {t('welcome.openButton')}
      </Button>
    </form>
  );
}
