import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FileChoicePurpose, Fingerprint, Result } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { OverwriteQuestion } from '../../components/OverwriteQuestion';
import { PathField } from '../../components/PathField';
import { SelectField } from '../../components/SelectField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useFieldError } from '../../components/useFieldError';
import { ORGANISATION_CATEGORIES } from '../../../../shared/domain/sharing';
import { ORGANISATION_CATEGORY_LABELS } from '../../../../shared/i18n/sharing';
import { formatBytes } from '../../format/bytes';
import { currentLanguage } from '../../i18n';
import { useJobs } from '../../store/jobs';

/** A file name without the characters Windows refuses. */
export function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A fingerprint as people compare it by phone: 16 Dutch words, and the same 128 bits as 8 groups
 * of hex; the full SHA-256 for whoever wants to compare all of it.
 */
export function FingerprintView({ fingerprint, showFull = false }: { fingerprint: Fingerprint; showFull?: boolean }) {
  const { t } = useTranslation();
  return (
    <dl className="app-fingerprint" data-testid="fingerprint">
      <div>
        <dt>{t('bundles.fingerprint.words')}</dt>
        <dd>
          <ol className="app-fingerprint__words">
            {fingerprint.words.map((word, index) => (
              <li key={index}>{word}</li>
            ))}
          </ol>
        </dd>
      </div>
      <div>
        <dt>{t('bundles.fingerprint.hex')}</dt>
        <dd className="app-fingerprint__hex">{fingerprint.groups.join(' ')}</dd>
      </div>
      {showFull && (
        <div>
          <dt>{t('bundles.fingerprint.full')}</dt>
          <dd className="app-fingerprint__full">{fingerprint.hex}</dd>
        </div>
      )}
    </dl>
  );
}

/** "Geverifieerd op 12-03-2026" or "Niet geverifieerd", as a badge. */
export function VerificationBadge({ verifiedAt, formatDate }: { verifiedAt: string | null; formatDate(iso: string): string }) {
  const { t } = useTranslation();
  return verifiedAt ? (
    <span className="app-badge app-bundle-badge--verified">{t('bundles.badge.verifiedOn', { date: formatDate(verifiedAt) })}</span>
  ) : (
    <span className="app-badge app-badge--warning">{t('bundles.badge.unverified')}</span>
  );
}

type BundleJobKind = 'bundle-export' | 'bundle-inspect' | 'bundle-import';

const PROGRESS_TEXT = {
  'bundle-export': { text: 'bundles.export.write.progress', label: 'bundles.export.write.progressLabel' },
  'bundle-inspect': { text: 'bundles.import.inspectProgress', label: 'bundles.import.inspectProgressLabel' },
  'bundle-import': { text: 'bundles.import.importProgress', label: 'bundles.import.importProgressLabel' },
} as const;

/**
 * The bar of a bundle job (job.progress from the core): a native <progress> with the bytes in
 * words. `finished` keeps it at 100% once the job answered, so that the result shows how it ended.
 */
export function BundleProgress({ kind, finished = false }: { kind: BundleJobKind; finished?: boolean }) {
  const { t } = useTranslation();
  const job = useJobs((state) => state.progress[kind]);
  const language = currentLanguage();
  const total = job && job.total > 1 ? job.total : 0;
  const done = finished ? total : Math.min(job?.done ?? 0, total);
  const percent = finished ? 100 : total > 0 ? Math.floor((done * 100) / total) : 0;
  const words = t(PROGRESS_TEXT[kind].text, { done: formatBytes(done, language), total: total > 0 ? formatBytes(total, language) : '…', percent });
  return (
    <div className="app-progress app-bundle-progress">
      <p className="utrecht-paragraph">{words}</p>
      <progress className="app-progress__bar" max={100} value={percent} aria-label={t(PROGRESS_TEXT[kind].label)} aria-valuetext={words} />
    </div>
  );
}

interface SaveToPathProps {
  purpose: FileChoicePurpose;
  label: string;
  description: string;
  initialPath: string;
  submitLabel: string;
  busyLabel: string;
  /** Writes the file; FILE_EXISTS is asked about once and then retried with overwrite. */
  save(targetPath: string, overwrite: boolean): Promise<Result<{ path: string }>>;
  doneText(path: string): string;
  disabled?: boolean;
  children?: ReactNode;
}

/** A path field with a save button: the core writes the file, an existing one only after an explicit yes. */
export function SaveToPath({ purpose, label, description, initialPath, submitLabel, busyLabel, save, doneText, disabled = false, children }: SaveToPathProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [targetPath, setTargetPath] = useState(initialPath);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const [occupied, setOccupied] = useState<string | null>(null);
  const targetRef = useRef<HTMLInputElement>(null);

  async function run(target: string, overwrite: boolean) {
    setBusy(true);
    setError(null);
    setSavedPath(null);
    const result = await save(target, overwrite);
    setBusy(false);
    setOccupied(null);
    if (result.ok) setSavedPath(result.value.path);
    else if (result.error.code === 'FILE_EXISTS' && !overwrite) setOccupied(target);
    else {
      setError(result.error);
      if (result.error.details?.field === 'targetPath') targetRef.current?.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || disabled) return;
    setAttempted(true);
    if (targetPath.trim() === '') {
      targetRef.current?.focus();
      return;
    }
    void run(targetPath.trim(), false);
  }

  const general = fieldError.general(error, ['targetPath']);
  return (
    <form className="app-form" onSubmit={submit} noValidate aria-busy={busy}>
      <PathField
        purpose={purpose}
        label={label}
        description={description}
        error={attempted && targetPath.trim() === '' ? t('bundles.save.pathRequired') : fieldError.forField(error, 'targetPath')}
        value={targetPath}
        onValueChange={(value) => {
          setTargetPath(value);
          setOccupied(null);
          setError(null);
        }}
        inputRef={targetRef}
        disabled={disabled}
      />
      {children}
      {general && <Alert type="error">{general}</Alert>}
      {savedPath && <Alert type="ok">{doneText(savedPath)}</Alert>}
      {occupied ? (
        <OverwriteQuestion
          question={t('bundles.save.overwriteQuestion', { path: occupied })}
          explanation={t('bundles.save.overwriteExplanation')}
          overwriteLabel={t('bundles.save.overwrite')}
          busy={busy}
          busyLabel={busyLabel}
          onOverwrite={() => void run(occupied, true)}
          onCancel={() => {
            setOccupied(null);
            targetRef.current?.focus();
          }}
        />
      ) : (
        <div className="app-button-row">
          <Button type="submit" appearance="secondary" busy={busy} busyLabel={busyLabel} disabled={disabled}>
            {submitLabel}
          </Button>
        </div>
      )}
    </form>
  );
}

/**
 * The organisation a partner's card stands for, from the organisation list (organisation.list),
 * grouped by category: what the sharing rules weigh. Retired organisations are offered only when
 * the card has one already.
 */
export function OrganisationSelect({ value, onChange, disabled = false }: { value: string | null; onChange(code: string | null): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const list = useCoreQuery('organisation.list', {});
  const language = currentLanguage();
  const organisations = (list.data ?? []).filter((organisation) => !organisation.retired || organisation.code === value);
  return (
    <SelectField
      label={t('bundles.partners.organisationSelectLabel')}
      description={t('bundles.partners.organisationSelectDescription')}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      disabled={disabled || list.data === null}
      emptyLabel={t('bundles.partners.organisationEmpty')}
    >
      {ORGANISATION_CATEGORIES.map((category) => {
        const inCategory = organisations.filter((organisation) => organisation.category === category);
        return inCategory.length === 0 ? null : (
          <optgroup key={category} label={ORGANISATION_CATEGORY_LABELS[language][category]}>
            {inCategory.map((organisation) => (
              <option key={organisation.code} value={organisation.code}>
                {organisation.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </SelectField>
  );
}
