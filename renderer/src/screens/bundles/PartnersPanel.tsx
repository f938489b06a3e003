import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressBookEntry, ApiError, CardPreview } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { Dialog } from '../../components/Dialog';
import { PathField } from '../../components/PathField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { FingerprintView, OrganisationSelect, VerificationBadge } from './parts';

/** The address book: partners' cards with their fingerprints, verification, and adding a card from a file. */
export function PartnersPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useCoreQuery('addressBook.list', {});
  const [notice, setNotice] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<AddressBookEntry | null>(null);
  const [removing, setRemoving] = useState<AddressBookEntry | null>(null);
  const [organising, setOrganising] = useState<AddressBookEntry | null>(null);
  const organisations = useCoreQuery('organisation.list', {});
  const organisationName = (code: string) => organisations.data?.find((organisation) => organisation.code === code)?.name ?? code;
  const headingId = useId();
  const language = currentLanguage();
  const date = (iso: string) => formatDate(iso, language);

  function changed(message: string) {
    setNotice(message);
    list.reload();
  }

  return (
    <div className="app-section-stack">
      <section className="app-card" aria-labelledby={headingId}>
        <h2 className="utrecht-heading-2" id={headingId}>
          {t('bundles.partners.title')}
        </h2>
        <p className="utrecht-paragraph">{t('bundles.partners.body')}</p>
        {notice && <Alert type="ok">{notice}</Alert>}
        {list.error && <Alert type="error">{errorText(list.error)}</Alert>}
        {list.data === null ? (
          !list.error && <p className="utrecht-paragraph">{t('bundles.loading')}</p>
        ) : list.data.length === 0 ? (
          <p className="utrecht-paragraph app-muted">{t('bundles.partners.empty')}</p>
        ) : (
          <div className="app-table-scroll" tabIndex={0} role="region" aria-label={t('bundles.partners.caption')}>
            <table className="utrecht-table app-bundle-table">
              <caption className="utrecht-table__caption app-visually-hidden">{t('bundles.partners.caption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('bundles.partners.name')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('bundles.partners.organisation')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('bundles.partners.organisationCode')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('bundles.partners.fingerprint')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('bundles.partners.added')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('bundles.partners.verification')}
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    {t('bundles.partners.actions')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {list.data.map((partner) => (
                  <tr key={partner.id} className="utrecht-table__row" data-partner={partner.name}>
                    <th className="utrecht-table__header-cell" scope="row">
                      {partner.name}
                      {partner.plainAge && (
                        <span className="app-bundle-sub" data-testid="partner-plain-age">
                          <span className="app-badge app-badge--warning">{t('bundles.partners.plainAgeBadge')}</span> {t('bundles.partners.plainAgeShort')}
                        </span>
                      )}
                    </th>
                    <td className="utrecht-table__cell">{partner.organisation}</td>
                    <td className="utrecht-table__cell" data-testid="partner-organisation-code">
                      {partner.organisationCode ? (
                        organisationName(partner.organisationCode)
                      ) : (
                        <span className="app-badge app-badge--warning">{t('bundles.partners.organisationCodeNone')}</span>
                      )}
                    </td>
                    <td className="utrecht-table__cell app-fingerprint__hex">{partner.fingerprint.groups.slice(0, 4).join(' ')} …</td>
                    <td className="utrecht-table__cell">{date(partner.addedAt)}</td>
                    <td className="utrecht-table__cell">
                      <VerificationBadge verifiedAt={partner.verifiedAt} formatDate={date} />
                    </td>
                    <td className="utrecht-table__cell">
                      <div className="app-button-row app-button-row--compact">
                        {!partner.verifiedAt && (
                          <Button appearance="secondary" aria-label={t('bundles.partners.verifyLabel', { name: partner.name })} onClick={() => setVerifying(partner)}>
                            {t('bundles.partners.verify')}
                          </Button>
                        )}
                        <Button
                          appearance="secondary"
                          aria-label={t('bundles.partners.organisationChangeLabel', { name: partner.name })}
                          onClick={() => setOrganising(partner)}
                        >
                          {t('bundles.partners.organisationChange')}
                        </Button>
                        <Button appearance="subtle" aria-label={t('bundles.partners.removeLabel', { name: partner.name })} onClick={() => setRemoving(partner)}>
                          {t('bundles.partners.remove')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddPartner onAdded={(entry) => changed(t('bundles.partners.addedNotice', { name: entry.name, organisation: entry.organisation }))} />
      {verifying && (
        <VerifyDialog
          partner={verifying}
          onClose={() => setVerifying(null)}
          onVerified={(entry) => {
            setVerifying(null);
            changed(t('bundles.partners.verified', { name: entry.name }));
          }}
        />
      )}
      {organising && (
        <OrganisationDialog
          partner={organising}
          onClose={() => setOrganising(null)}
          onSaved={(entry) => {
            setOrganising(null);
            changed(t('bundles.partners.organisationSaved', { name: entry.name }));
          }}
        />
      )}
      {removing && (
        <RemoveDialog
          partner={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            const name = removing.name;
            setRemoving(null);
            changed(t('bundles.partners.removed', { name }));
          }}
        />
      )}
    </div>
  );
}

function VerifyDialog({ partner, onClose, onVerified }: { partner: AddressBookEntry; onClose(): void; onVerified(entry: AddressBookEntry): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function confirm() {
    setBusy(true);
    const result = await callCore('addressBook.verify', { partnerId: partner.id });
    setBusy(false);
    if (result.ok) onVerified(result.value);
    else setError(result.error);
  }

  return (
    <Dialog title={t('bundles.partners.verifyTitle', { name: partner.name })} onClose={() => !busy && onClose()}>
      <p className="utrecht-paragraph">
        {t(partner.plainAge ? 'bundles.partners.verifyBodyPlain' : 'bundles.partners.verifyBody', { name: partner.name, organisation: partner.organisation })}
      </p>
      {partner.plainAge ? <p className="utrecht-paragraph app-bundle-key">{partner.ageRecipient}</p> : <FingerprintView fingerprint={partner.fingerprint} />}
      {error && <Alert type="error">{errorText(error)}</Alert>}
      <div className="app-button-row">
        <Button appearance="primary" busy={busy} busyLabel={t('bundles.partners.verifyBusy')} onClick={() => void confirm()}>
          {t('bundles.partners.verifyConfirm')}
        </Button>
        <Button appearance="secondary" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}

/** Which organisation of the list the card stands for: what the sharing rules weigh for bundles to this partner. */
function OrganisationDialog({ partner, onClose, onSaved }: { partner: AddressBookEntry; onClose(): void; onSaved(entry: AddressBookEntry): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [code, setCode] = useState<string | null>(partner.organisationCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function save() {
    setBusy(true);
    const result = await callCore('addressBook.setOrganisation', { partnerId: partner.id, organisationCode: code });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  return (
    <Dialog title={t('bundles.partners.organisationTitle', { name: partner.name })} onClose={() => !busy && onClose()}>
      <OrganisationSelect value={code} onChange={setCode} disabled={busy} />
      {error && <Alert type="error">{errorText(error)}</Alert>}
      <div className="app-button-row">
        <Button appearance="primary" busy={busy} busyLabel={t('bundles.partners.organisationBusy')} onClick={() => void save()}>
          {t('bundles.partners.organisationSave')}
        </Button>
        <Button appearance="secondary" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}

function RemoveDialog({ partner, onClose, onRemoved }: { partner: AddressBookEntry; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function confirm() {
    setBusy(true);
    const result = await callCore('addressBook.remove', { partnerId: partner.id });
    setBusy(false);
    if (result.ok) onRemoved();
    else setError(result.error);
  }

  return (
    <Dialog title={t('bundles.partners.removeTitle', { name: partner.name })} onClose={() => !busy && onClose()}>
      <p className="utrecht-paragraph">{t('bundles.partners.removeBody', { name: partner.name })}</p>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      <div className="app-button-row">
        <Button appearance="primary" busy={busy} busyLabel={t('bundles.partners.removeBusy')} onClick={() => void confirm()}>
          {t('bundles.partners.removeConfirm')}
        </Button>
        <Button appearance="secondary" onClick={onClose} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}

/** Read a card first (its fingerprint shown), then add it, verified or not. */
function AddPartner({ onAdded }: { onAdded(entry: AddressBookEntry): void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [cardPath, setCardPath] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<{ path: string; card: CardPreview } | null>(null);
  const [verified, setVerified] = useState(false);
  const [organisationCode, setOrganisationCode] = useState<string | null>(null);
  // For a bare age key, which names no one.
  const [plainName, setPlainName] = useState('');
  const [plainOrganisation, setPlainOrganisation] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const pathRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(false);

  // The card read: its heading takes the focus; the card put away: the path field does.
  useEffect(() => {
    if (preview) previewHeadingRef.current?.focus();
    else if (shown.current) pathRef.current?.focus();
    shown.current = true;
  }, [preview]);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function read(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (cardPath.trim() === '') {
      pathRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await callCore('addressBook.readCard', { path: cardPath.trim() });
    setBusy(false);
    if (result.ok) {
      setPreview({ path: cardPath.trim(), card: result.value });
      setVerified(false);
      setOrganisationCode(null);
      setPlainName('');
      setPlainOrganisation('');
    } else {
      setError(result.error);
      pathRef.current?.focus();
    }
  }

  async function add() {
    if (!preview || busy) return;
    setBusy(true);
    setError(null);
    const plain = preview.card.plainAge ? { name: plainName.trim(), organisation: plainOrganisation.trim() } : {};
    const result = await callCore('addressBook.add', { path: preview.path, verified, organisationCode, ...plain });
    setBusy(false);
    if (result.ok) {
      setPreview(null);
      setCardPath('');
      setAttempted(false);
      onAdded(result.value);
      pathRef.current?.focus();
    } else {
      setError(result.error);
      if (result.error.details?.field === 'name') nameRef.current?.focus();
    }
  }

  const pathError = attempted && cardPath.trim() === '' ? t('bundles.import.pathRequired') : fieldError.forField(error, 'path');
  const general = fieldError.general(error, ['path', 'name']);
  const card = preview?.card;
  return (
    <section className="app-card" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('bundles.partners.addTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('bundles.partners.addBody')}</p>
      {!card ? (
        <form className="app-form" onSubmit={(event) => void read(event)} noValidate aria-busy={busy}>
          <PathField
            purpose="partner-card-import"
            label={t('bundles.partners.addPathLabel')}
            description={t('bundles.partners.addPathDescription')}
            value={cardPath}
            onValueChange={(value) => {
              setCardPath(value);
              setError(null);
            }}
            error={pathError}
            inputRef={pathRef}
          />
          {general && <Alert type="error">{general}</Alert>}
          <div className="app-button-row">
            <Button type="submit" appearance="secondary" busy={busy} busyLabel={t('bundles.partners.addReadBusy')}>
              {t('bundles.partners.addRead')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="app-form app-bundle-card-preview">
          <h3 className="utrecht-heading-3" ref={previewHeadingRef} tabIndex={-1}>
            {card.plainAge ? t('bundles.partners.previewTitlePlain') : t('bundles.partners.previewTitle', { name: card.card.name })}
          </h3>
          {card.plainAge && (
            <Alert type="info">
              <span data-testid="plain-age-explained">{t('bundles.partners.plainAgeExplained')}</span>
            </Alert>
          )}
          <dl className="app-bundle-facts">
            {!card.plainAge && (
              <div>
                <dt>{t('bundles.partners.organisation')}</dt>
                <dd>{card.card.organisation}</dd>
              </div>
            )}
            <div>
              <dt>{t('bundles.identity.recipient')}</dt>
              <dd className="app-bundle-key">{card.card.ageRecipient}</dd>
            </div>
            <div>
              <dt>{t('bundles.partners.fingerprint')}</dt>
              <dd>
                <FingerprintView fingerprint={card.fingerprint} />
              </dd>
            </div>
          </dl>
          {card.isSelf && <Alert type="warning">{t('bundles.partners.previewSelf')}</Alert>}
          {card.existing && <Alert type="info">{t('bundles.partners.previewExisting', { name: card.existing.name })}</Alert>}
          {card.plainAge && !card.isSelf && !card.existing && (
            <>
              <TextField
                label={t('bundles.partners.plainNameLabel')}
                description={t('bundles.partners.plainNameDescription')}
                value={plainName}
                onChange={(event) => {
                  setPlainName(event.target.value);
                  setError(null);
                }}
                error={fieldError.forField(error, 'name')}
                inputRef={nameRef}
                required
                maxLength={200}
              />
              <TextField
                label={t('bundles.partners.plainOrganisationLabel')}
                value={plainOrganisation}
                onChange={(event) => setPlainOrganisation(event.target.value)}
                maxLength={200}
              />
            </>
          )}
          {!card.isSelf && !card.existing && <OrganisationSelect value={organisationCode} onChange={setOrganisationCode} disabled={busy} />}
          {!card.isSelf && !card.existing && (
            <CheckboxField
              label={t('bundles.partners.addVerified')}
              description={t('bundles.partners.addVerifiedDescription')}
              checked={verified}
              onChange={(event) => setVerified(event.target.checked)}
            />
          )}
          {general && <Alert type="error">{general}</Alert>}
          <div className="app-button-row">
            {!card.isSelf && !card.existing && (
              <Button appearance="primary" busy={busy} busyLabel={t('bundles.partners.addBusy')} onClick={() => void add()}>
                {t('bundles.partners.addSubmit')}
              </Button>
            )}
            <Button
              appearance="secondary"
              disabled={busy}
              onClick={() => {
                setPreview(null);
                setError(null);
              }}
            >
              {t('bundles.partners.addCancel')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
