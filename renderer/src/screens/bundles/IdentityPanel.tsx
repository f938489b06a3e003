import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BundleIdentity } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { besideVault } from '../../format/path';
import { useSession } from '../../store/session';
import { FingerprintView, SaveToPath, safeFileName } from './parts';

/** The vault's own identity: what partners need (the card, the fingerprint), and the secret key behind a warning. */
export function IdentityPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useCoreQuery('bundle.identity', {});
  const [identity, setIdentity] = useState<BundleIdentity | null>(null);
  const vaultPath = useSession((state) => state.status.path);
  const [secretUnderstood, setSecretUnderstood] = useState(false);
  const headingId = useId();
  const cardId = useId();
  const secretId = useId();

  useEffect(() => {
    if (query.data) setIdentity(query.data);
  }, [query.data]);

  if (query.error) return <Alert type="error">{errorText(query.error)}</Alert>;
  if (!identity) return <p className="utrecht-paragraph">{t('bundles.loading')}</p>;
  const baseName = safeFileName(identity.organisation ? `${identity.name} ${identity.organisation}` : identity.name);

  return (
    <div className="app-section-stack">
      <section className="app-card" aria-labelledby={headingId}>
        <h2 className="utrecht-heading-2" id={headingId}>
          {t('bundles.identity.title')}
        </h2>
        <p className="utrecht-paragraph">{t('bundles.identity.body')}</p>
        <dl className="app-bundle-facts" data-testid="vault-identity">
          <div>
            <dt>{t('bundles.identity.name')}</dt>
            <dd>{identity.name}</dd>
          </div>
          <div>
            <dt>{t('bundles.identity.organisation')}</dt>
            <dd>{identity.organisation || <span className="app-muted">{t('bundles.identity.noOrganisation')}</span>}</dd>
          </div>
          <div>
            <dt>{t('bundles.identity.recipient')}</dt>
            <dd className="app-bundle-key" data-testid="age-recipient">
              {identity.ageRecipient}
            </dd>
          </div>
          <div>
            <dt>{t('bundles.identity.fingerprint')}</dt>
            <dd>
              <FingerprintView fingerprint={identity.fingerprint} showFull />
              <p className="utrecht-paragraph app-muted">{t('bundles.fingerprint.compareHint')}</p>
            </dd>
          </div>
        </dl>
        <OrganisationForm identity={identity} onSaved={setIdentity} />
      </section>

      <section className="app-card" aria-labelledby={cardId}>
        <h2 className="utrecht-heading-2" id={cardId}>
          {t('bundles.identity.cardTitle')}
        </h2>
        <p className="utrecht-paragraph">{t('bundles.identity.cardBody')}</p>
        <SaveToPath
          purpose="partner-card-export"
          label={t('bundles.identity.cardPathLabel')}
          description={t('bundles.identity.cardPathDescription')}
          initialPath={besideVault(vaultPath, t('bundles.identity.cardDefaultName', { name: baseName }))}
          submitLabel={t('bundles.identity.cardSubmit')}
          busyLabel={t('bundles.identity.cardBusy')}
          save={(targetPath, overwrite) => callCore('bundle.writeCard', overwrite ? { targetPath, overwrite } : { targetPath })}
          doneText={(path) => t('bundles.identity.cardDone', { path })}
        />
      </section>

      <section className="app-card app-bundle-secret" aria-labelledby={secretId}>
        <h2 className="utrecht-heading-2" id={secretId}>
          {t('bundles.identity.secretTitle')}
        </h2>
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('bundles.identity.secretWarning')}</p>
        </Alert>
        <CheckboxField label={t('bundles.identity.secretConfirm')} checked={secretUnderstood} onChange={(event) => setSecretUnderstood(event.target.checked)} />
        {secretUnderstood && (
          <SaveToPath
            purpose="age-identity-export"
            label={t('bundles.identity.secretPathLabel')}
            description={t('bundles.identity.secretPathDescription')}
            initialPath={besideVault(vaultPath, t('bundles.identity.secretDefaultName', { name: safeFileName(identity.name) }))}
            submitLabel={t('bundles.identity.secretSubmit')}
            busyLabel={t('bundles.identity.secretBusy')}
            save={(targetPath, overwrite) => callCore('bundle.writeAgeIdentity', overwrite ? { targetPath, overwrite } : { targetPath })}
            doneText={(path) => t('bundles.identity.secretDone', { path })}
          />
        )}
      </section>
    </div>
  );
}

function OrganisationForm({ identity, onSaved }: { identity: BundleIdentity; onSaved(identity: BundleIdentity): void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [organisation, setOrganisation] = useState(identity.organisation);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const headingId = useId();

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(false);
    setError(null);
    const result = await callCore('bundle.setOrganisation', { organisation });
    setBusy(false);
    if (result.ok) {
      setSaved(true);
      onSaved(result.value);
    } else setError(result.error);
  }

  return (
    <form className="app-form app-bundle-organisation" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={headingId} aria-busy={busy}>
      <h3 className="utrecht-heading-3" id={headingId}>
        {t('bundles.identity.organisationTitle')}
      </h3>
      <TextField
        label={t('bundles.identity.organisationLabel')}
        description={t('bundles.identity.organisationDescription')}
        value={organisation}
        maxLength={200}
        onChange={(event) => {
          setOrganisation(event.target.value);
          setSaved(false);
        }}
        error={fieldError.forField(error, 'organisation')}
      />
      {fieldError.general(error, ['organisation']) && <Alert type="error">{fieldError.general(error, ['organisation'])}</Alert>}
      {saved && <Alert type="ok">{t('bundles.identity.organisationSaved')}</Alert>}
      <div className="app-button-row">
        <Button type="submit" appearance="secondary" busy={busy} busyLabel={t('bundles.identity.organisationBusy')}>
          {t('bundles.identity.organisationSave')}
        </Button>
      </div>
    </form>
  );
}
