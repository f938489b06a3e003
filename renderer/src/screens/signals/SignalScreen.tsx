import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phenomenon, Signal } from '../../../../shared/api/dossier-types';
import { Alert } from '../../components/Alert';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFocusHeading } from '../../components/useFocusHeading';
import { callCore } from '../../core-client';
import { formatDateTime } from '../../format/date';
import type { Language } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { AttachToDossierDialog } from './AttachToDossierDialog';
import { NewDossierDialog } from './NewDossierDialog';
import { phenomenonPath } from './phenomena';
import { SignalForm, signalToForm } from './SignalForm';
import { useSignalList } from './signal-list-store';
import { TlpBadge } from '../../components/Weighing';
import { GradingInWords, useFormatDate } from './weighing';
import { SignalSheetSection } from '../documents/SignalSheetSection';
import { VisibleText } from '../../components/VisibleText';

type OpenDialog = 'attach' | 'toDossier' | 'trash' | null;

/** One signal: its facts, its dossier (or the ways to give it one), editing and the trash. */
export function SignalScreen({ signalId }: { signalId: number }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'nl';
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const open = useNavigation((state) => state.open);
  const back = useNavigation((state) => state.back);
  const showSection = useNavigation((state) => state.showSection);
  const setNotice = useSignalList((state) => state.setNotice);
  const query = useCoreQuery('signal.get', { signalId });
  const phenomena = useCoreQuery('phenomenon.list', {});
  // After a change the screen shows the answer of the change itself, without reading (and auditing a view) again.
  const [changed, setChanged] = useState<Signal | null>(null);
  const signal = changed ?? query.data;
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState<string | null>(null);
  const editHeadingId = useId();
  const editButtonRef = useRef<HTMLDivElement>(null);
  /** Leaving the form (saved or cancelled) puts the focus back on "Bewerken", where the user left. */
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (editing || !returnFocus) return;
    editButtonRef.current?.querySelector('button')?.focus();
    setReturnFocus(false);
  }, [editing, returnFocus]);

  function stopEditing() {
    setEditing(false);
    setReturnFocus(true);
  }

  function afterChange(next: Signal, message: string) {
    setChanged(next);
    setStatus(message);
  }

  return (
    <>
      <Button appearance="subtle" className="signals-back" onClick={back}>
        <span aria-hidden="true">← </span>
        {t('signals.signal.back')}
      </Button>
      <p className="utrecht-paragraph signals-kicker">{t('signals.signal.kicker')}</p>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {signal ? signal.summary : t('signals.title')}
      </h1>
      {query.error && <Alert type="error">{errorText(query.error)}</Alert>}
      {status && <Alert type="ok">{status}</Alert>}
      {signal && (
        <>
          {editing && (phenomena.data || phenomena.error) ? (
            <section className="app-card signals-section" aria-labelledby={editHeadingId}>
              <h2 className="utrecht-heading-2" id={editHeadingId}>
                {t('signals.signal.editTitle')}
              </h2>
              <SignalForm
                initial={signalToForm(signal, language)}
                phenomena={phenomena.data ?? []}
                labelledBy={editHeadingId}
                submitLabel={t('signals.form.saveChanges')}
                onCancel={stopEditing}
                askRetentionReason
                onSubmit={async (fields, retentionReason) => {
                  const result = await callCore('signal.update', { signalId: signal.id, ...fields, ...(retentionReason !== undefined && { retentionReason }) });
                  if (!result.ok) return result.error;
                  stopEditing();
                  afterChange(result.value, t('signals.signal.saved'));
                  return null;
                }}
              />
            </section>
          ) : (
            <SignalDetails signal={signal} phenomena={phenomena.data}>
              <div className="app-button-row" ref={editButtonRef}>
                <Button
                  appearance="secondary"
                  onClick={() => {
                    setStatus(null);
                    setEditing(true);
                  }}
                >
                  {t('signals.signal.edit')}
                </Button>
                <Button appearance="subtle" onClick={() => setDialog('trash')}>
                  {t('signals.signal.trash')}
                </Button>
              </div>
            </SignalDetails>
          )}
          <SignalDossier
            signal={signal}
            onOpenDossier={(dossierId) => open({ section: 'dossiers', view: 'dossier', dossierId })}
            onAttach={() => setDialog('attach')}
            onToDossier={() => setDialog('toDossier')}
          />
          <SignalSheetSection signalId={signal.id} />
          {dialog === 'attach' && (
            <AttachToDossierDialog
              signal={signal}
              onClose={() => setDialog(null)}
              onAttached={(next) => {
                setDialog(null);
                afterChange(next, t('signals.signal.attached', { number: next.dossier?.number ?? '' }));
              }}
            />
          )}
          {dialog === 'toDossier' && (
            <NewDossierDialog
              signal={signal}
              onClose={() => setDialog(null)}
              onCreated={(dossier) => {
                setDialog(null);
                open({ section: 'dossiers', view: 'dossier', dossierId: dossier.id });
              }}
            />
          )}
          {dialog === 'trash' && (
            <ConfirmDialog
              title={t('signals.signal.trashTitle')}
              confirmLabel={t('signals.signal.trashConfirm')}
              onConfirm={() => callCore('trash.move', { kind: 'signal', id: signal.id })}
              onDone={() => {
                setNotice(t('signals.list.trashed', { summary: signal.summary }));
                showSection('signals');
              }}
              onClose={() => setDialog(null)}
            >
              <p className="utrecht-paragraph">{t('signals.signal.trashBody', { summary: signal.summary })}</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </>
  );
}

/** The facts as a definition list, grading and handling code in words, the reporter behind "Tonen". */
function SignalDetails({ signal, phenomena, children }: { signal: Signal; phenomena: readonly Phenomenon[] | null; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'nl';
  const formatDay = useFormatDate();
  const headingId = useId();
  const none = <span className="app-muted">{t('signals.signal.notRecorded')}</span>;
  const text = (value: string | null) => (value ? value : none);

  const rows: Array<[string, ReactNode]> = [
    [t('signals.signal.receivedOn'), formatDay(signal.receivedOn)],
    [t('signals.signal.howReceived'), t(`domain.howReceived.${signal.howReceived}`)],
    [t('signals.signal.phenomenon'), signal.phenomenon ? phenomenonPath(signal.phenomenon, phenomena) : none],
    [t('signals.signal.summary'), signal.summary],
    [t('signals.signal.description'), signal.description ? <span className="signals-details__long">{signal.description}</span> : none],
    [t('signals.signal.location'), text(signal.location)],
    [t('signals.signal.reporter'), <ReporterValue key="reporter" signal={signal} />],
    [t('signals.signal.origin'), signal.origin ? t(`domain.partner.${signal.origin}`) : none],
    [t('sharing.provenance.legend'), <ProvenanceLine key="provenance" provenance={signal.provenance} />],
    [t('signals.signal.grading'), <GradingInWords key="grading" weighed={signal} />],
    [t('signals.signal.tlp'), <TlpBadge key="tlp" tlp={signal.tlp} withWords />],
    [t('signals.signal.legalBasis'), text(signal.legalBasis)],
    [t('signals.signal.purpose'), text(signal.purpose)],
    [t('signals.signal.retentionUntil'), signal.retentionUntil ? formatDay(signal.retentionUntil) : none],
    [t('signals.signal.recorded'), formatDateTime(signal.createdAt, language)],
    [t('signals.signal.updated'), formatDateTime(signal.updatedAt, language)],
  ];

  return (
    <section className="app-card signals-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('signals.signal.details')}
      </h2>
      <dl className="signals-details">
        {rows.map(([term, value]) => (
          <div key={term} className="signals-details__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}

/** The reporter is protected unless the user said otherwise: hidden until asked for, on this screen only. */
function ReporterValue({ signal }: { signal: Signal }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const valueRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (shown) valueRef.current?.focus();
  }, [shown]);

  if (signal.howReceived === 'anoniem') return <span className="app-muted">{t('signals.signal.anonymous')}</span>;
  if (!signal.reporterName && !signal.reporterContact) return <span className="app-muted">{t('signals.signal.notRecorded')}</span>;
  const reporter = [signal.reporterName, signal.reporterContact].filter(Boolean).join(' · ');
  if (!signal.reporterProtected) {
    return (
      <>
        {reporter} <span className="app-muted">({t('signals.signal.reporterNotProtected')})</span>
      </>
    );
  }
  return (
    <span className="signals-reporter">
      {shown ? (
        <span ref={valueRef} tabIndex={-1} data-testid="reporter-value">
          {reporter}
        </span>
      ) : (
        <span className="signals-reporter__hidden">{t('signals.signal.reporterHidden')}</span>
      )}
      <Button
        appearance="subtle"
        className="signals-reporter__toggle"
        aria-label={shown ? t('signals.signal.hideReporterLabel') : t('signals.signal.showReporterLabel')}
        onClick={() => setShown(!shown)}
      >
        {shown ? t('signals.signal.hideReporter') : t('signals.signal.showReporter')}
      </Button>
    </span>
  );
}

/** The dossier the signal belongs to, or the two ways to give it one. */
function SignalDossier({ signal, onOpenDossier, onAttach, onToDossier }: { signal: Signal; onOpenDossier(dossierId: number): void; onAttach(): void; onToDossier(): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const dossier = signal.dossier;
  return (
    <section className="app-card signals-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('signals.signal.dossierTitle')}
      </h2>
      {dossier ? (
        <p className="utrecht-paragraph">
          {t('signals.signal.inDossier')}{' '}
          <a
            href={`#dossier-${dossier.id}`}
            className="utrecht-link utrecht-link--html-a"
            onClick={(event) => {
              event.preventDefault();
              onOpenDossier(dossier.id);
            }}
          >
            {dossier.number} <VisibleText text={dossier.title} />
          </a>{' '}
          <span className="app-muted">({t(`domain.status.${dossier.status}`)})</span>
        </p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('signals.signal.loose')}</p>
          <div className="app-button-row">
            <Button appearance="primary" onClick={onToDossier}>
              {t('signals.signal.toDossier')}
            </Button>
            <Button appearance="secondary" onClick={onAttach}>
              {t('signals.signal.attach')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
