import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ExportInclude, ExportPreview, ExportRedaction, ExportResult, Input } from '../../../../shared/api';
import { FACT_KINDS, type FactRef, type WithheldFact } from '../../../../shared/domain/sharing';
import { WITHHOLD_REASON_LABELS, withheldLines } from '../../../../shared/i18n/sharing';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { NewPassphraseFields, checkNewPassphrase, type NewPassphraseValue } from '../../components/NewPassphraseFields';
import { OverwriteQuestion } from '../../components/OverwriteQuestion';
import { PathField } from '../../components/PathField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { fileDateStamp, formatDate } from '../../format/date';
import { besideVault } from '../../format/path';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { EXPORT_STEPS, useExportWizard, type ExportMode, type ExportStep } from '../../store/export-wizard';
import { useSession } from '../../store/session';
import { TlpBadge } from '../../components/Weighing';
import { BundleProgress, VerificationBadge } from './parts';
import { nameWithOrganisation } from '../../format/party';

const INCLUDE_KEYS = ['signals', 'subjects', 'notes', 'measures', 'attachments'] as const satisfies ReadonlyArray<keyof ExportInclude>;
const REDACT_KEYS = ['reporterIdentity', 'bsn', 'internalNotes'] as const satisfies ReadonlyArray<keyof ExportRedaction>;
/** As sharingOverrideSchema: a reason of at least this many characters. */
const MIN_REASON = 3;
const refKey = (ref: FactRef): string => `${ref.kind}:${ref.id}`;

/**
 * The export wizard: dossiers, what of them, for whom, the summary of exactly what leaves (with
 * what the sharing regime keeps home, and the items the user lets go anyway with a reason), and the file. Each step is a form: Enter goes on, "Vorige" goes back,
 * and the step's heading takes the focus so that a screen reader hears where it is.
 */
export function ExportWizard() {
  const { t } = useTranslation();
  // Kept in a store: the wizard's own "Naar het adresboek" leaves this screen, and the way back must find the choices made.
  const { step, dossierIds, include, redact, mode, partnerIds, passphrase, overrideItems, reason, result, change, reset } = useExportWizard();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const index = EXPORT_STEPS.indexOf(step);

  useEffect(() => {
    // The screen's h1 takes the focus on arrival; after that, each new step's heading does.
    if (moved.current) headingRef.current?.focus();
  }, [step, result]);

  // A finished export is not picked up again: leaving the wizard after it starts the next one afresh.
  useEffect(
    () => () => {
      if (useExportWizard.getState().result !== null) useExportWizard.getState().reset();
    },
    [],
  );

  function go(to: ExportStep) {
    moved.current = true;
    change({ step: to });
  }

  const selection: Input<'bundle.exportPreview'> = {
    dossierIds,
    include,
    redact,
    recipients: mode === 'partners' ? partnerIds.map((partnerId) => ({ partnerId })) : [],
    usePassphrase: mode === 'passphrase',
    ...(overrideItems.length > 0 && reason.trim().length >= MIN_REASON ? { override: { reason: reason.trim(), items: overrideItems } } : {}),
  };

  function restart() {
    moved.current = true;
    reset();
  }

  const heading = (title: string) => (
    <h2 className="utrecht-heading-2" ref={headingRef} tabIndex={-1}>
      <span className="app-bundle-steps__count">{t('bundles.steps.progress', { current: index + 1, total: EXPORT_STEPS.length })}</span> {title}
    </h2>
  );

  return (
    <section className="app-card app-bundle-wizard" aria-label={t('bundles.export.title')}>
      <StepIndicator current={index} finished={result !== null} />
      {step === 'choose' && (
        <ChooseStep
          heading={heading(t('bundles.export.choose.title'))}
          selected={dossierIds}
          onChange={(ids) => change({ dossierIds: ids })}
          onNext={() => go('content')}
          onCancel={restart}
        />
      )}
      {step === 'content' && (
        <ContentStep
          heading={heading(t('bundles.export.content.title'))}
          include={include}
          redact={redact}
          onInclude={(value) => change({ include: value })}
          onRedact={(value) => change({ redact: value })}
          onBack={() => go('choose')}
          onCancel={restart}
          onNext={() => go('recipients')}
        />
      )}
      {step === 'recipients' && (
        <RecipientsStep
          heading={heading(t('bundles.export.recipients.title'))}
          mode={mode}
          onMode={(value) => change({ mode: value })}
          partnerIds={partnerIds}
          onPartners={(ids) => change({ partnerIds: ids })}
          passphrase={passphrase}
          onPassphrase={(value) => change({ passphrase: value })}
          onBack={() => go('content')}
          onCancel={restart}
          onNext={() => go('summary')}
        />
      )}
      {step === 'summary' && (
        <SummaryStep
          heading={heading(t('bundles.export.summary.title'))}
          selection={selection}
          overrideItems={overrideItems}
          onOverrideItems={(items) => change({ overrideItems: items })}
          reason={reason}
          onReason={(value) => change({ reason: value })}
          onBack={() => go('recipients')}
          onCancel={restart}
          onNext={() => go('write')}
        />
      )}
      {step === 'write' && (
        <WriteStep
          heading={heading(result ? t('bundles.export.write.doneTitle') : t('bundles.export.write.title'))}
          selection={selection}
          passphrase={mode === 'passphrase' ? passphrase.passphrase : null}
          result={result}
          onDone={(done) => {
            moved.current = true;
            change({ result: done });
          }}
          onBack={() => go('summary')}
          onRestart={restart}
        />
      )}
    </section>
  );
}

function StepIndicator({ current, finished }: { current: number; finished: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="app-bundle-steps" aria-label={t('bundles.steps.label')}>
      {EXPORT_STEPS.map((step, position) => {
        const state = finished || position < current ? 'done' : position === current ? 'current' : 'todo';
        return (
          <li key={step} className={`app-bundle-steps__step app-bundle-steps__step--${state}`} aria-current={position === current && !finished ? 'step' : undefined}>
            <span className="app-bundle-steps__number" aria-hidden="true">
              {state === 'done' ? '✓' : position + 1}
            </span>
            <span className="app-bundle-steps__label">{t(`bundles.steps.${step}`)}</span>
            <span className="app-visually-hidden"> ({t(`bundles.steps.${state}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}

function StepButtons({
  onBack,
  onCancel,
  next,
  nextDisabled = false,
  busy = false,
}: {
  onBack?(): void;
  onCancel?(): void;
  next?: string;
  nextDisabled?: boolean;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="app-button-row app-bundle-wizard__buttons">
      {onBack && (
        <Button appearance="secondary" onClick={onBack} disabled={busy}>
          {t('bundles.steps.back')}
        </Button>
      )}
      {next !== undefined && (
        <Button type="submit" appearance="primary" disabled={nextDisabled} busy={busy}>
          {next}
        </Button>
      )}
      {onCancel && (
        <Button appearance="subtle" onClick={onCancel} disabled={busy}>
          {t('bundles.steps.cancel')}
        </Button>
      )}
    </div>
  );
}

// ── 1. Dossiers ─────────────────────────────────────────────────────────────────────────────

function ChooseStep({
  heading,
  selected,
  onChange,
  onNext,
  onCancel,
}: {
  heading: ReactNode;
  selected: number[];
  onChange(ids: number[]): void;
  onNext(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useCoreQuery('dossier.list', { sort: 'number', direction: 'asc', limit: 500 });
  const [query, setQuery] = useState('');
  const [attempted, setAttempted] = useState(false);
  const countId = useId();
  const chosen = new Set(selected);
  const needle = query.trim().toLocaleLowerCase('nl');
  const rows = (list.data?.items ?? []).filter((dossier) => needle === '' || `${dossier.number} ${dossier.title}`.toLocaleLowerCase('nl').includes(needle));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (selected.length > 0) onNext();
  }

  function toggle(id: number, on: boolean) {
    onChange(on ? [...selected.filter((value) => value !== id), id] : selected.filter((value) => value !== id));
  }

  return (
    <form className="app-form" onSubmit={submit} noValidate>
      {heading}
      <TextField
        label={t('bundles.export.choose.searchLabel')}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        // Enter in the search field searches (it filters as one types); it does not go to the next step.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
        autoComplete="off"
      />
      <p className="utrecht-paragraph app-bundle-count" id={countId} role="status">
        {t('bundles.export.choose.selected', { count: selected.length })}
      </p>
      {attempted && selected.length === 0 && <Alert type="error">{t('bundles.export.choose.required')}</Alert>}
      {list.error && <Alert type="error">{errorText(list.error)}</Alert>}
      {list.data && list.data.items.length === 0 && <p className="utrecht-paragraph app-muted">{t('bundles.export.choose.empty')}</p>}
      {list.data && list.data.items.length > 0 && rows.length === 0 && (
        <p className="utrecht-paragraph app-muted">{t('bundles.export.choose.noMatch', { query: query.trim() })}</p>
      )}
      {rows.length > 0 && (
        <div className="app-table-scroll app-bundle-choose" tabIndex={0} role="region" aria-label={t('bundles.export.choose.caption')}>
          <table className="utrecht-table app-bundle-table">
            <caption className="utrecht-table__caption app-visually-hidden">{t('bundles.export.choose.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell app-bundle-table__check" scope="col">
                  {t('bundles.export.choose.select')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('bundles.export.choose.number')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('bundles.export.choose.dossierTitle')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('bundles.export.choose.status')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('bundles.export.choose.tlp')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((dossier) => (
                <tr key={dossier.id} className={`utrecht-table__row${chosen.has(dossier.id) ? ' app-bundle-table__row--chosen' : ''}`}>
                  <td className="utrecht-table__cell app-bundle-table__check">
                    <input
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      checked={chosen.has(dossier.id)}
                      onChange={(event) => toggle(dossier.id, event.target.checked)}
                      aria-label={t('bundles.export.choose.selectLabel', { number: dossier.number, title: dossier.title })}
                      aria-describedby={countId}
                    />
                  </td>
                  <td className="utrecht-table__cell app-nowrap">{dossier.number}</td>
                  <td className="utrecht-table__cell">{dossier.title}</td>
                  <td className="utrecht-table__cell">{t(`domain.status.${dossier.status}`)}</td>
                  <td className="utrecht-table__cell">
                    <TlpBadge tlp={dossier.tlp} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <StepButtons next={t('bundles.steps.next')} onCancel={onCancel} />
    </form>
  );
}

// ── 2. Content and redaction ────────────────────────────────────────────────────────────────

interface ContentStepProps {
  heading: ReactNode;
  include: ExportInclude;
  redact: ExportRedaction;
  onInclude(value: ExportInclude): void;
  onRedact(value: ExportRedaction): void;
  onBack(): void;
  onNext(): void;
  onCancel(): void;
}

function ContentStep({ heading, include, redact, onInclude, onRedact, onBack, onNext, onCancel }: ContentStepProps) {
  const { t } = useTranslation();
  return (
    <form
      className="app-form"
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
      noValidate
    >
      {heading}
      <div className="app-bundle-columns">
        <fieldset className="utrecht-form-fieldset app-bundle-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('bundles.export.content.includeLegend')}</legend>
          {INCLUDE_KEYS.map((key) => (
            <CheckboxField
              key={key}
              label={t(`bundles.export.content.${key}`)}
              checked={include[key]}
              onChange={(event) => onInclude({ ...include, [key]: event.target.checked })}
            />
          ))}
        </fieldset>
        <fieldset className="utrecht-form-fieldset app-bundle-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('bundles.export.content.redactLegend')}</legend>
          {REDACT_KEYS.map((key) => (
            <CheckboxField
              key={key}
              label={t(`bundles.export.content.${key}`)}
              description={key === 'reporterIdentity' ? t('bundles.export.content.reporterIdentityDescription') : undefined}
              checked={redact[key]}
              onChange={(event) => onRedact({ ...redact, [key]: event.target.checked })}
            />
          ))}
          <p className="utrecht-paragraph app-muted">{t('bundles.export.content.attachmentsHint')}</p>
        </fieldset>
      </div>
      <StepButtons onBack={onBack} next={t('bundles.steps.next')} onCancel={onCancel} />
    </form>
  );
}

// ── 3. Recipients or passphrase ─────────────────────────────────────────────────────────────

interface RecipientsStepProps {
  heading: ReactNode;
  mode: ExportMode;
  onMode(mode: ExportMode): void;
  partnerIds: number[];
  onPartners(ids: number[]): void;
  passphrase: NewPassphraseValue;
  onPassphrase(value: NewPassphraseValue): void;
  onBack(): void;
  onNext(): void;
  onCancel(): void;
}

function RecipientsStep({ heading, mode, onMode, partnerIds, onPartners, passphrase, onPassphrase, onBack, onNext, onCancel }: RecipientsStepProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const open = useNavigation((state) => state.open);
  const partners = useCoreQuery('addressBook.list', {});
  const [attempted, setAttempted] = useState(false);
  const language = currentLanguage();
  const modeName = useId();
  // Only partners still in the address book count (one may have been removed meanwhile).
  const known = new Set((partners.data ?? []).map((partner) => partner.id));
  const chosen = partnerIds.filter((id) => known.has(id));
  const problems = checkNewPassphrase(passphrase);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (mode === 'partners' ? chosen.length > 0 : problems.passphrase === null && problems.repeat === null) onNext();
  }

  return (
    <form className="app-form" onSubmit={submit} noValidate>
      {heading}
      <p className="utrecht-paragraph">{t('bundles.export.recipients.explanation')}</p>
      <fieldset className="utrecht-form-fieldset app-bundle-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t('bundles.export.recipients.modeLegend')}</legend>
        {(['partners', 'passphrase'] as const).map((option) => (
          <div key={option} className="utrecht-form-field utrecht-form-field--radio app-radio-field">
            <input
              type="radio"
              id={`${modeName}-${option}`}
              name={modeName}
              className="utrecht-radio-button utrecht-radio-button--html-input"
              checked={mode === option}
              onChange={() => onMode(option)}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${modeName}-${option}`}>
              {t(option === 'partners' ? 'bundles.export.recipients.modePartners' : 'bundles.export.recipients.modePassphrase')}
            </label>
          </div>
        ))}
      </fieldset>
      {mode === 'partners' ? (
        <fieldset className="utrecht-form-fieldset app-bundle-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('bundles.export.recipients.partnersLegend')}</legend>
          {partners.error && <Alert type="error">{errorText(partners.error)}</Alert>}
          {partners.data?.length === 0 && (
            <>
              <p className="utrecht-paragraph">{t('bundles.export.recipients.noPartners')}</p>
              <Button appearance="secondary" onClick={() => open({ section: 'bundles', view: 'partners' })}>
                {t('bundles.export.recipients.openPartners')}
              </Button>
            </>
          )}
          {(partners.data ?? []).map((partner) => (
            <CheckboxField
              key={partner.id}
              label={
                <>
                  {nameWithOrganisation(partner.name, partner.organisation)}{' '}
                  <VerificationBadge verifiedAt={partner.verifiedAt} formatDate={(iso) => formatDate(iso, language)} />
                </>
              }
              checked={chosen.includes(partner.id)}
              onChange={(event) => onPartners(event.target.checked ? [...chosen, partner.id] : chosen.filter((id) => id !== partner.id))}
            />
          ))}
          {attempted && chosen.length === 0 && (partners.data?.length ?? 0) > 0 && <Alert type="error">{t('bundles.export.recipients.required')}</Alert>}
        </fieldset>
      ) : (
        <div className="app-bundle-passphrase">
          <NewPassphraseFields
            value={passphrase}
            onChange={onPassphrase}
            showProblems={attempted}
            label={t('bundles.export.recipients.passphraseLabel')}
            repeatLabel={t('bundles.export.recipients.passphraseRepeat')}
          />
          <p className="utrecht-paragraph app-muted">{t('bundles.export.recipients.passphraseHint')}</p>
        </div>
      )}
      <StepButtons onBack={onBack} next={t('bundles.steps.next')} onCancel={onCancel} />
    </form>
  );
}

// ── 4. Summary ──────────────────────────────────────────────────────────────────────────────

interface SummaryStepProps {
  heading: ReactNode;
  selection: Input<'bundle.exportPreview'>;
  overrideItems: FactRef[];
  onOverrideItems(items: FactRef[]): void;
  reason: string;
  onReason(value: string): void;
  onBack(): void;
  onNext(): void;
  onCancel(): void;
}

function SummaryStep({ heading, selection, overrideItems, onOverrideItems, reason, onReason, onBack, onNext, onCancel }: SummaryStepProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const language = currentLanguage();
  const query = useCoreQuery('bundle.exportPreview', selection);
  const [attempted, setAttempted] = useState(false);
  const preview = query.data;
  // What stays home, and what the user let go with a reason: one list in a steady order, the latter ticked.
  const rows = preview
    ? [...preview.sharing.withheld, ...preview.sharing.overridden].sort((a, b) => FACT_KINDS.indexOf(a.ref.kind) - FACT_KINDS.indexOf(b.ref.kind) || a.ref.id - b.ref.id)
    : [];
  const chosen = new Set(overrideItems.map(refKey));
  const reasonOk = reason.trim().length >= MIN_REASON;
  const nothingGoes = preview !== null && preview.dossiers.length === 0;
  const mayGo = preview !== null && !nothingGoes && (overrideItems.length === 0 || reasonOk);
  const lines = preview ? withheldLines(preview.sharing, language) : [];

  function toggle(item: WithheldFact, on: boolean) {
    const rest = overrideItems.filter((ref) => refKey(ref) !== refKey(item.ref));
    onOverrideItems(on ? [...rest, item.ref] : rest);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (mayGo) onNext();
  }

  return (
    <form className="app-form" onSubmit={submit} noValidate aria-busy={query.loading}>
      {heading}
      {query.error && <Alert type="error">{fieldError.general(query.error, [])}</Alert>}
      {!preview && !query.error && <p className="utrecht-paragraph">{t('bundles.export.summary.loading')}</p>}
      {preview && <PreviewFacts preview={preview} />}
      {preview && rows.length > 0 && (
        <div className="app-bundle-violations" data-testid="sharing-withheld">
          <Alert type={nothingGoes ? 'error' : 'warning'}>
            <h3 className="utrecht-heading-3">{t('bundles.export.summary.withheldTitle')}</h3>
            <p className="utrecht-paragraph">
              {nothingGoes ? t('bundles.export.summary.nothingGoes') : t('bundles.export.summary.withheldBody', { count: preview.sharing.withheld.length })}
            </p>
            {lines.length > 0 && (
              <ul className="app-bundle-list" data-testid="sharing-lines">
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </Alert>
          <Withheld rows={rows} chosen={chosen} onToggle={toggle} />
          {overrideItems.length > 0 && (
            <TextAreaField
              label={t('bundles.export.summary.overrideReasonLabel')}
              description={t('bundles.export.summary.overrideReasonDescription')}
              value={reason}
              onChange={(event) => onReason(event.target.value)}
              maxLength={500}
              rows={3}
              error={attempted && !reasonOk ? t('bundles.export.summary.overrideReasonRequired') : null}
            />
          )}
        </div>
      )}
      {preview && rows.length === 0 && <Alert type="ok">{t('bundles.export.summary.nothingWithheld')}</Alert>}
      <StepButtons onBack={onBack} next={t('bundles.steps.next')} nextDisabled={preview === null || nothingGoes} onCancel={onCancel} />
    </form>
  );
}

/** Exactly what leaves: per dossier, in total, what stays home, for whom, and the bundle's code. */
function PreviewFacts({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { totals, leftOut } = preview;
  const leftOutLines = [
    leftOut.reporters > 0 ? t('bundles.export.summary.leftOutReporters', { count: leftOut.reporters }) : null,
    leftOut.melderLinks > 0 ? t('bundles.export.summary.leftOutMelderLinks', { count: leftOut.melderLinks }) : null,
    leftOut.bsns > 0 ? t('bundles.export.summary.leftOutBsns', { count: leftOut.bsns }) : null,
    leftOut.internalNotes > 0 ? t('bundles.export.summary.leftOutInternalNotes', { count: leftOut.internalNotes }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label={t('bundles.export.summary.caption')}>
        <table className="utrecht-table app-bundle-table" data-testid="export-summary">
          <caption className="utrecht-table__caption">{t('bundles.export.summary.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.export.summary.number')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.export.summary.dossierTitle')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.export.summary.tlp')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('bundles.export.summary.content')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {preview.dossiers.map((dossier) => (
              <tr key={dossier.id} className="utrecht-table__row">
                <th className="utrecht-table__header-cell app-nowrap" scope="row">
                  {dossier.number}
                </th>
                <td className="utrecht-table__cell">{dossier.title}</td>
                <td className="utrecht-table__cell">
                  <TlpBadge tlp={dossier.tlp} />
                </td>
                <td className="utrecht-table__cell">
                  {t('bundles.export.summary.contentValue', {
                    signals: dossier.signals,
                    subjects: dossier.subjects,
                    notes: dossier.notes,
                    measures: dossier.measures,
                    attachments: dossier.attachments,
                    size: formatBytes(dossier.attachmentBytes, language),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="app-bundle-facts">
        <div>
          <dt>{t('bundles.export.summary.totalsTitle')}</dt>
          <dd data-testid="export-totals">{t('bundles.export.summary.totals', { ...totals, size: formatBytes(totals.attachmentBytes, language) })}</dd>
        </div>
        <div>
          <dt>{t('bundles.export.summary.leftOutTitle')}</dt>
          <dd data-testid="export-left-out">
            {leftOutLines.length === 0 ? (
              t('bundles.export.summary.leftOutNothing')
            ) : (
              <ul className="app-bundle-list">
                {leftOutLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('bundles.export.summary.toTitle')}</dt>
          <dd>
            {preview.passphrase ? (
              t('bundles.export.summary.toPassphrase')
            ) : (
              <ul className="app-bundle-list">
                {preview.recipients.map((recipient) => (
                  <li key={recipient.ageRecipient}>
                    {recipient.name ? nameWithOrganisation(recipient.name, recipient.organisation) : recipient.ageRecipient}{' '}
                    {recipient.organisationCode === null && <span className="app-badge app-badge--warning">{t('bundles.export.summary.organisationUnknown')}</span>}{' '}
                    <span className={`app-badge${recipient.verified ? ' app-bundle-badge--verified' : ' app-badge--warning'}`}>
                      {t(recipient.verified ? 'bundles.badge.verified' : 'bundles.badge.unverified')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('bundles.export.summary.bundleTlp')}</dt>
          <dd>
            <TlpBadge tlp={preview.tlp} />
          </dd>
        </div>
      </dl>
    </>
  );
}

/** Each item the regime keeps home, with its code and reasons, and a box to let it go anyway. */
function Withheld({ rows, chosen, onToggle }: { rows: WithheldFact[]; chosen: ReadonlySet<string>; onToggle(item: WithheldFact, on: boolean): void }) {
  const { t } = useTranslation();
  const reasons = WITHHOLD_REASON_LABELS[currentLanguage()];
  return (
    <div className="app-table-scroll app-bundle-violations__table" tabIndex={0} role="region" aria-label={t('bundles.export.summary.withheldCaption')}>
      <table className="utrecht-table app-bundle-table" data-testid="withheld-items">
        <caption className="utrecht-table__caption">{t('bundles.export.summary.withheldCaption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('bundles.export.summary.withheldInclude')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('bundles.export.summary.withheldKind')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('bundles.export.summary.withheldLabel')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('bundles.export.summary.withheldTlp')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('bundles.export.summary.withheldReasons')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((item) => (
            <tr key={refKey(item.ref)} className="utrecht-table__row" data-item={refKey(item.ref)}>
              <td className="utrecht-table__cell">
                <input
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={chosen.has(refKey(item.ref))}
                  onChange={(event) => onToggle(item, event.target.checked)}
                  aria-label={t('bundles.export.summary.withheldIncludeLabel', { label: item.label })}
                />
              </td>
              <td className="utrecht-table__cell">{t(`bundles.export.summary.kinds.${item.ref.kind}`)}</td>
              <td className="utrecht-table__cell">{item.label}</td>
              <td className="utrecht-table__cell">
                <TlpBadge tlp={item.tlp} />
              </td>
              <td className="utrecht-table__cell">
                {item.reasons.length === 1 ? (
                  reasons[item.reasons[0]!]
                ) : (
                  <ul className="app-bundle-list">
                    {item.reasons.map((reason) => (
                      <li key={reason}>{reasons[reason]}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ── 5. The file ─────────────────────────────────────────────────────────────────────────────

interface WriteStepProps {
  heading: ReactNode;
  selection: Input<'bundle.exportPreview'>;
  passphrase: string | null;
  result: ExportResult | null;
  onDone(result: ExportResult): void;
  onBack(): void;
  onRestart(): void;
}

function WriteStep({ heading, selection, passphrase, result, onDone, onBack, onRestart }: WriteStepProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const vaultPath = useSession((state) => state.status.path);
  const [targetPath, setTargetPath] = useState(() => besideVault(vaultPath, t('bundles.export.write.defaultName', { date: fileDateStamp() })));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [occupied, setOccupied] = useState<string | null>(null);
  const targetRef = useRef<HTMLInputElement>(null);
  const language = currentLanguage();

  async function run(target: string, overwrite: boolean) {
    setBusy(true);
    setError(null);
    const answer = await callCore('bundle.export', {
      ...selection,
      ...(passphrase !== null ? { passphrase } : {}),
      targetPath: target,
      ...(overwrite ? { overwrite: true } : {}),
    });
    setBusy(false);
    setOccupied(null);
    if (answer.ok) onDone(answer.value);
    else if (answer.error.code === 'FILE_EXISTS' && !overwrite) setOccupied(target);
    else {
      setError(answer.error);
      if (answer.error.details?.field === 'targetPath') targetRef.current?.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (targetPath.trim() === '') {
      targetRef.current?.focus();
      return;
    }
    void run(targetPath.trim(), false);
  }

  const recipients = useMemo(
    () =>
      (result?.preview.recipients ?? [])
        .map((recipient) => (recipient.name ? nameWithOrganisation(recipient.name, recipient.organisation) : recipient.ageRecipient))
        .join(', '),
    [result],
  );

  if (result) {
    return (
      <div className="app-form" data-testid="export-done">
        {heading}
        <BundleProgress kind="bundle-export" finished />
        <Alert type="ok">
          <p className="utrecht-paragraph">{t('bundles.export.write.done', { path: result.path, size: formatBytes(result.bytes, language) })}</p>
          <p className="utrecht-paragraph">
            {result.preview.passphrase ? t('bundles.export.write.encryptedToPassphrase') : t('bundles.export.write.encryptedTo', { recipients })}
          </p>
        </Alert>
        <p className="utrecht-paragraph">
          {t('bundles.export.write.checksum')} <code className="app-bundle-key">{result.sha256}</code>
        </p>
        <div className="app-button-row">
          <Button appearance="secondary" onClick={onRestart}>
            {t('bundles.export.write.again')}
          </Button>
        </div>
      </div>
    );
  }

  const general = fieldError.general(error, ['targetPath']);
  return (
    <form className="app-form" onSubmit={submit} noValidate aria-busy={busy}>
      {heading}
      <PathField
        purpose="bundle-export"
        label={t('bundles.export.write.pathLabel')}
        description={t('bundles.export.write.pathDescription')}
        error={attempted && targetPath.trim() === '' ? t('bundles.save.pathRequired') : fieldError.forField(error, 'targetPath')}
        value={targetPath}
        onValueChange={(value) => {
          setTargetPath(value);
          setOccupied(null);
          setError(null);
        }}
        inputRef={targetRef}
      />
      {busy && <BundleProgress kind="bundle-export" />}
      {general && <Alert type="error">{general}</Alert>}
      {occupied ? (
        <OverwriteQuestion
          question={t('bundles.save.overwriteQuestion', { path: occupied })}
          explanation={t('bundles.save.overwriteExplanation')}
          overwriteLabel={t('bundles.save.overwrite')}
          busy={busy}
          busyLabel={t('bundles.export.write.busy')}
          onOverwrite={() => void run(occupied, true)}
          onCancel={() => {
            setOccupied(null);
            targetRef.current?.focus();
          }}
        />
      ) : (
        <div className="app-button-row app-bundle-wizard__buttons">
          <Button appearance="secondary" onClick={onBack} disabled={busy}>
            {t('bundles.steps.back')}
          </Button>
          <Button type="submit" appearance="primary" busy={busy} busyLabel={t('bundles.export.write.busy')}>
            {t('bundles.export.write.submit')}
          </Button>
          <Button appearance="subtle" onClick={onRestart} disabled={busy}>
            {t('bundles.steps.cancel')}
          </Button>
        </div>
      )}
    </form>
  );
}
