import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BundleInspection, ImportAction, ImportResult } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { PassphraseField } from '../../components/PassphraseField';
import { PathField } from '../../components/PathField';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { formatDate, formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { TlpBadge } from '../../components/Weighing';
import { RouteLink } from '../../components/RouteLink';
import { BundleProgress, FingerprintView } from './parts';
import { VisibleText } from '../../components/VisibleText';
import { markInvisibleControls } from '../../../../shared/text/bidi';
import { nameWithOrganisation } from '../../format/party';

const ACTIONS: readonly ImportAction[] = ['new', 'update', 'skip'];
/** Errors about the passphrase: the field appears (or stays) for them. */
const PASSPHRASE_ERRORS = new Set(['BUNDLE_PASSPHRASE_REQUIRED', 'BUNDLE_WRONG_PASSPHRASE']);

type Loose = (key: string, options?: Record<string, unknown>) => string;

/**
 * Import: open (decrypt, verify, preview; nothing written), decide per dossier and about the
 * sender, then import all of it in one transaction. Every refusal says the vault is unchanged.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [bundlePath, setBundlePath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<'inspect' | 'import' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [inspection, setInspection] = useState<BundleInspection | null>(null);
  const [opened, setOpened] = useState<{ path: string; passphrase?: string } | null>(null);
  const [choices, setChoices] = useState<Record<string, ImportAction>>({});
  const [accepted, setAccepted] = useState(false);
  const [acceptAttempted, setAcceptAttempted] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const pathRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const doneHeadingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (inspection && !result) previewHeadingRef.current?.focus();
  }, [inspection, result]);
  useEffect(() => {
    if (result) doneHeadingRef.current?.focus();
  }, [result]);
  // A field to focus once it is rendered (a new object each time, so that asking twice focuses twice).
  const [focusTarget, setFocusTarget] = useState<{ field: 'path' | 'passphrase' } | null>(null);
  useEffect(() => {
    if (focusTarget) (focusTarget.field === 'path' ? pathRef : passphraseRef).current?.focus();
  }, [focusTarget]);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function inspect(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (bundlePath.trim() === '') {
      pathRef.current?.focus();
      return;
    }
    const input = { path: bundlePath.trim(), ...(askPassphrase && passphrase !== '' ? { passphrase } : {}) };
    setBusy('inspect');
    setError(null);
    const answer = await callCore('bundle.inspect', input);
    setBusy(null);
    if (answer.ok) {
      setOpened(input);
      setInspection(answer.value);
      setChoices(Object.fromEntries(answer.value.dossiers.map((dossier) => [dossier.uid, dossier.suggestedAction])));
      setAccepted(false);
      setAcceptAttempted(false);
      return;
    }
    setError(answer.error);
    if (PASSPHRASE_ERRORS.has(answer.error.code)) {
      setAskPassphrase(true);
      setFocusTarget({ field: 'passphrase' });
    }
  }

  async function runImport() {
    if (!inspection || !opened || busy) return;
    const needsAccept = inspection.sender.status !== 'known';
    setAcceptAttempted(true);
    if (needsAccept && !accepted) return;
    setBusy('import');
    setError(null);
    const answer = await callCore('bundle.import', {
      ...opened,
      manifestSha256: inspection.manifestSha256,
      ...(needsAccept ? { acceptSender: inspection.sender.fingerprint.hex } : {}),
      dossiers: inspection.dossiers.map((dossier) => ({ uid: dossier.uid, action: choices[dossier.uid] ?? dossier.suggestedAction })),
    });
    setBusy(null);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  }

  function reset() {
    setInspection(null);
    setOpened(null);
    setResult(null);
    setError(null);
    setBundlePath('');
    setPassphrase('');
    setAskPassphrase(false);
    setAttempted(false);
    setFocusTarget({ field: 'path' });
  }

  const errorBlock = error && (
    <Alert type="error">
      <p className="utrecht-paragraph">{fieldError.general(error, inspection ? [] : ['path', 'passphrase'])}</p>
      <p className="utrecht-paragraph">
        <strong>{t('bundles.import.unchanged')}</strong>
      </p>
    </Alert>
  );

  if (result && inspection) return <ImportDone inspection={inspection} result={result} headingRef={doneHeadingRef} onAgain={reset} />;

  return (
    <div className="app-section-stack">
      <section className="app-card" aria-labelledby={headingId}>
        <h2 className="utrecht-heading-2" id={headingId}>
          {t('bundles.import.title')}
        </h2>
        <p className="utrecht-paragraph">{t('bundles.import.body')}</p>
        {!inspection ? (
          <form className="app-form" onSubmit={(event) => void inspect(event)} noValidate aria-busy={busy !== null}>
            <PathField
              purpose="bundle-import"
              label={t('bundles.import.pathLabel')}
              description={t('bundles.import.pathDescription')}
              value={bundlePath}
              onValueChange={(value) => {
                setBundlePath(value);
                setError(null);
              }}
              error={attempted && bundlePath.trim() === '' ? t('bundles.import.pathRequired') : fieldError.forField(error, 'path')}
              inputRef={pathRef}
            />
            {askPassphrase && (
              <PassphraseField
                label={t('bundles.import.passphraseLabel')}
                description={t('bundles.import.passphraseDescription')}
                autoComplete="current-password"
                value={passphrase}
                onValueChange={setPassphrase}
                inputRef={passphraseRef}
              />
            )}
            {busy === 'inspect' && <BundleProgress kind="bundle-inspect" />}
            {errorBlock}
            <div className="app-button-row">
              <Button type="submit" appearance="primary" busy={busy === 'inspect'} busyLabel={t('bundles.import.openBusy')}>
                {t('bundles.import.open')}
              </Button>
            </div>
          </form>
        ) : (
          <p className="utrecht-paragraph app-bundle-key">{opened?.path}</p>
        )}
      </section>

      {inspection && (
        <>
          <h2 className="utrecht-heading-2 app-bundles__subheading" ref={previewHeadingRef} tabIndex={-1}>
            {t('bundles.import.previewTitle')}
          </h2>
          <SenderCard inspection={inspection} accepted={accepted} onAccepted={setAccepted} showRequired={acceptAttempted && !accepted} />
          <BundleFacts inspection={inspection} />
          {inspection.invisibleText.length > 0 && <InvisibleTextWarning inspection={inspection} />}
          <DossierChoices inspection={inspection} choices={choices} onChoice={(uid, action) => setChoices({ ...choices, [uid]: action })} />
          <SubjectMatches inspection={inspection} />
          <section className="app-card" aria-label={t('bundles.import.submit')}>
            {busy === 'import' && <BundleProgress kind="bundle-import" />}
            {errorBlock}
            {Object.values(choices).every((action) => action === 'skip') && <Alert type="info">{t('bundles.import.nothingChosen')}</Alert>}
            <div className="app-button-row">
              <Button
                appearance="primary"
                busy={busy === 'import'}
                busyLabel={t('bundles.import.submitBusy')}
                disabled={Object.values(choices).every((action) => action === 'skip')}
                onClick={() => void runImport()}
              >
                {t('bundles.import.submit')}
              </Button>
              <Button appearance="secondary" disabled={busy !== null} onClick={reset}>
                {t('bundles.import.otherFile')}
              </Button>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function SenderCard({
  inspection,
  accepted,
  onAccepted,
  showRequired,
}: {
  inspection: BundleInspection;
  accepted: boolean;
  onAccepted(value: boolean): void;
  showRequired: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const language = currentLanguage();
  const { sender } = inspection;
  const partner = sender.partner;
  let status: string;
  if (sender.status === 'known') {
    status = !partner
      ? t('bundles.import.sender.self')
      : partner.verifiedAt
        ? t('bundles.import.sender.knownVerified', { date: formatDate(partner.verifiedAt, language) })
        : t('bundles.import.sender.knownUnverified');
  } else status = '';
  return (
    <section className="app-card" aria-labelledby={headingId} data-testid="bundle-sender" data-status={sender.status}>
      <h3 className="utrecht-heading-3" id={headingId}>
        {t('bundles.import.sender.title')}
      </h3>
      {sender.status === 'unknown' && <Alert type="warning">{t('bundles.import.sender.unknown', { name: markInvisibleControls(sender.name) })}</Alert>}
      {sender.status === 'mismatch' && (
        <Alert type="error">
          {t('bundles.import.sender.mismatch', { name: markInvisibleControls(sender.name), partner: partner ? nameWithOrganisation(partner.name, partner.organisation) : '' })}
        </Alert>
      )}
      <dl className="app-bundle-facts">
        <div>
          <dt>{t('bundles.import.sender.name')}</dt>
          <dd>
            <VisibleText text={sender.name} />
          </dd>
        </div>
        <div>
          <dt>{t('bundles.import.sender.organisation')}</dt>
          <dd>
            <VisibleText text={sender.organisation} />
          </dd>
        </div>
        <div>
          <dt>{t('bundles.import.sender.made')}</dt>
          <dd>{formatDateTime(inspection.createdAt, language)}</dd>
        </div>
        {sender.status === 'known' && (
          <div>
            <dt>{t('bundles.import.sender.status')}</dt>
            <dd>
              <span className={`app-badge${partner && !partner.verifiedAt ? ' app-badge--warning' : ' app-bundle-badge--verified'}`}>{status}</span>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('bundles.import.sender.fingerprint')}</dt>
          <dd>
            <FingerprintView fingerprint={sender.fingerprint} />
          </dd>
        </div>
      </dl>
      {sender.status !== 'known' && (
        <>
          <CheckboxField label={t('bundles.import.sender.accept')} checked={accepted} onChange={(event) => onAccepted(event.target.checked)} />
          {showRequired && <Alert type="error">{t('bundles.import.sender.acceptRequired')}</Alert>}
        </>
      )}
    </section>
  );
}

function BundleFacts({ inspection }: { inspection: BundleInspection }) {
  const { t } = useTranslation();
  const headingId = useId();
  const language = currentLanguage();
  const redacted = (['reporterIdentity', 'bsn', 'internalNotes'] as const).filter((key) => inspection.redaction[key]).map((key) => t(`bundles.import.facts.${key}`));
  return (
    <section className="app-card" aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3" id={headingId}>
        {t('bundles.import.facts.title')}
      </h3>
      <dl className="app-bundle-facts">
        <div>
          <dt>{t('bundles.import.facts.encryptedTo')}</dt>
          <dd>{t(inspection.encryptedTo === 'identity' ? 'bundles.import.facts.identity' : 'bundles.import.facts.passphrase')}</dd>
        </div>
        <div>
          <dt>{t('bundles.import.facts.tlp')}</dt>
          <dd>
            <TlpBadge tlp={inspection.tlp} />
          </dd>
        </div>
        {inspection.tlpOverride && (
          <div>
            <dt>{t('bundles.import.facts.override')}</dt>
            <dd>‘{inspection.tlpOverride.reason}’</dd>
          </div>
        )}
        <div>
          <dt>{t('bundles.import.facts.redaction')}</dt>
          <dd>{redacted.length > 0 ? redacted.join(', ') : t('bundles.import.facts.redactionNone')}</dd>
        </div>
        <div>
          <dt>{t('bundles.import.facts.size')}</dt>
          <dd>{t('bundles.import.facts.sizeValue', { size: formatBytes(inspection.bytes, language), entries: inspection.entries })}</dd>
        </div>
      </dl>
      {inspection.tlpUnderstated && (
        <Alert type="warning">
          <span data-testid="tlp-understated">{t('bundles.import.facts.tlpUnderstated', { declared: inspection.declaredTlp, tlp: inspection.tlp })}</span>
        </Alert>
      )}
    </section>
  );
}

function DossierChoices({
  inspection,
  choices,
  onChoice,
}: {
  inspection: BundleInspection;
  choices: Record<string, ImportAction>;
  onChoice(uid: string, action: ImportAction): void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="app-card">
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label={t('bundles.import.dossiers.caption')}>
        <table className="utrecht-table app-bundle-table" data-testid="import-dossiers">
          <caption className="utrecht-table__caption">{t('bundles.import.dossiers.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.import.dossiers.number')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.import.dossiers.dossierTitle')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.import.dossiers.tlp')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.import.dossiers.here')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.import.dossiers.action')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {inspection.dossiers.map((dossier) => {
              const existing = dossier.existing;
              return (
                <tr key={dossier.uid} className="utrecht-table__row" data-uid={dossier.uid}>
                  <td className="utrecht-table__cell app-nowrap">{dossier.number}</td>
                  <th className="utrecht-table__header-cell" scope="row">
                    <VisibleText text={dossier.title} />
                    <span className="app-bundle-sub">{t(`domain.status.${dossier.status}`)}</span>
                    <span className="app-bundle-sub">
                      {t('bundles.import.dossiers.contentValue', {
                        signals: dossier.signals,
                        subjects: dossier.subjects,
                        notes: dossier.notes,
                        measures: dossier.measures,
                        attachments: dossier.attachments,
                      })}
                      {dossier.attachments > 0 && ` (${formatBytes(dossier.attachmentBytes, language)})`}
                    </span>
                  </th>
                  <td className="utrecht-table__cell">
                    <TlpBadge tlp={dossier.tlp} />
                  </td>
                  <td className="utrecht-table__cell" data-testid="dossier-state">
                    {existing ? (
                      t(existing.inTrash ? 'bundles.import.dossiers.existsInTrash' : 'bundles.import.dossiers.exists', { number: existing.number })
                    ) : (
                      <span className="app-badge app-bundle-badge--new">{t('bundles.import.dossiers.isNew')}</span>
                    )}
                    {dossier.newerFromSender && (
                      <span className="app-bundle-sub app-bundle-older" data-testid="dossier-older">
                        {t('bundles.import.dossiers.older', { date: formatDateTime(dossier.newerFromSender.bundleCreatedAt, language) })}
                      </span>
                    )}
                  </td>
                  <td className="utrecht-table__cell">
                    <select
                      className="utrecht-select utrecht-select--html-select app-bundle-action"
                      aria-label={t('bundles.import.dossiers.actionLabel', { title: markInvisibleControls(dossier.title) })}
                      value={choices[dossier.uid] ?? dossier.suggestedAction}
                      onChange={(event) => onChoice(dossier.uid, event.target.value as ImportAction)}
                    >
                      {ACTIONS.filter((action) => action !== 'update' || (existing && !existing.inTrash)).map((action) => (
                        <option key={action} value={action}>
                          {t(`bundles.import.dossiers.actions.${action}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Which fields of which items carry invisible or bidirectional controls (shared/text/bidi.ts). */
function InvisibleTextWarning({ inspection }: { inspection: BundleInspection }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="app-card" aria-labelledby={headingId} data-testid="invisible-text">
      <h3 className="utrecht-heading-3" id={headingId}>
        {t('bundles.import.invisible.title')}
      </h3>
      <Alert type="warning">{t('bundles.import.invisible.lead')}</Alert>
      <ul className="app-bundle-list">
        {inspection.invisibleText.map((flag, index) => (
          <li key={index} data-kind={flag.kind} data-field={flag.field}>
            {t(`bundles.import.invisible.kinds.${flag.kind}`)}
            {flag.dossierNumber && flag.kind !== 'dossier' && ` ${t('bundles.import.invisible.inDossier', { number: flag.dossierNumber })}`}{' '}
            <q>
              <VisibleText text={flag.label} />
            </q>
            {', '}
            <code>{flag.field}</code>: {flag.controls.join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SubjectMatches({ inspection }: { inspection: BundleInspection }) {
  const { t } = useTranslation();
  const loose = t as unknown as Loose;
  const headingId = useId();
  const matches = inspection.subjects.filter((subject) => subject.match !== null);
  return (
    <section className="app-card" aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3" id={headingId}>
        {t('bundles.import.subjects.title')}
      </h3>
      <p className="utrecht-paragraph">{t('bundles.import.subjects.summary', { count: inspection.subjects.length })}</p>
      {matches.length === 0 ? (
        <p className="utrecht-paragraph app-muted">{t('bundles.import.subjects.none')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('bundles.import.subjects.matchesLead')}</p>
          <ul className="app-bundle-list" data-testid="subject-matches">
            {matches.map((subject) => (
              <li key={subject.uid}>
                {t('bundles.import.subjects.match', {
                  label: markInvisibleControls(subject.label),
                  existing: subject.match!.label,
                  by:
                    subject.match!.by === 'uid'
                      ? t('bundles.import.subjects.byUid')
                      : t('bundles.import.subjects.byKey', { keys: subject.match!.matchedOn.map((kind) => loose(`domain.matchKey.${kind}`)).join(', ') }),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ImportDone({
  inspection,
  result,
  headingRef,
  onAgain,
}: {
  inspection: BundleInspection;
  result: ImportResult;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAgain(): void;
}) {
  const { t } = useTranslation();
  const titles = new Map(inspection.dossiers.map((dossier) => [dossier.uid, dossier.title]));
  const sender = markInvisibleControls(nameWithOrganisation(inspection.sender.name, inspection.sender.organisation));
  return (
    <section className="app-card" aria-labelledby="bundle-import-done" data-testid="import-done">
      <h2 className="utrecht-heading-2" id="bundle-import-done" ref={headingRef} tabIndex={-1}>
        {t('bundles.import.doneTitle')}
      </h2>
      <BundleProgress kind="bundle-import" finished />
      <Alert type="ok">
        <p className="utrecht-paragraph">{t('bundles.import.doneBody', { sender })}</p>
      </Alert>
      <ul className="app-bundle-list app-bundle-done-list" aria-label={t('bundles.import.doneCaption')}>
        {result.dossiers.map((dossier) => (
          <li key={dossier.uid}>
            {dossier.action === 'skip' || dossier.dossierId === null ? (
              <>
                <VisibleText text={titles.get(dossier.uid) ?? ''} />: {t('bundles.import.doneSkipped')}
              </>
            ) : (
              <>
                <RouteLink route={{ section: 'dossiers', view: 'dossier', dossierId: dossier.dossierId }}>
                  <VisibleText text={titles.get(dossier.uid) ?? ''} />
                </RouteLink>
                {' – '}
                {t(dossier.action === 'new' ? 'bundles.import.doneNew' : 'bundles.import.doneUpdated', { number: dossier.number ?? '' })}
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph">{t('bundles.import.created', { ...result.created })}</p>
      {result.updated.dossiers > 0 && <p className="utrecht-paragraph">{t('bundles.import.updated', { ...result.updated })}</p>}
      {Object.values(result.keptNewer).some((kept) => kept > 0) && (
        <p className="utrecht-paragraph" data-testid="kept-newer">
          {t('bundles.import.keptNewer', { ...result.keptNewer })}
        </p>
      )}
      {result.linkedSubjects > 0 && <p className="utrecht-paragraph">{t('bundles.import.linked', { count: result.linkedSubjects })}</p>}
      {result.senderAdded && <p className="utrecht-paragraph">{t('bundles.import.senderAdded', { name: inspection.sender.name })}</p>}
      <div className="app-button-row">
        <Button appearance="secondary" onClick={onAgain}>
          {t('bundles.import.again')}
        </Button>
      </div>
    </section>
  );
}
