import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { UNGRADED, type InformationGrade, type SourceGrade, type TlpCode } from '../../../../shared/domain/enums';
import type { Provenance } from '../../../../shared/domain/sharing';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PathField } from '../../components/PathField';
import { newFactProvenance, ProvenanceFields, provenanceInput } from '../../components/ProvenanceFields';
import { SelectField } from '../../components/SelectField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useErrorText } from '../../components/useErrorText';
import { formatBytes } from '../../format/bytes';
import { currentLanguage } from '../../i18n';
import { useAttachmentImports, type ImportOutcome } from './import-store';
import { JobProgress, useRunningJob } from './JobProgress';

interface AddAttachmentFormProps {
  dossierId: number;
  /** New attachments start with the dossier's own handling code. */
  defaultTlp: TlpCode;
}

type Message = { field?: string; general?: string; ok?: string; info?: string };

/** What the form says about how an import ended: beside the path field when it is about the file. */
function useOutcomeMessage(): (outcome: ImportOutcome) => Message {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return ({ result, sourcePath }) => {
    if (result.ok) return { ok: t('attachments.add.added', { name: result.value.fileName, size: formatBytes(result.value.byteSize, currentLanguage()) }) };
    const error: ApiError = result.error;
    const reason = error.details?.reason;
    switch (error.code) {
      case 'CANCELLED':
        return { info: t('attachments.add.cancelled') };
      case 'NOT_FOUND':
        // The dossier itself may be gone (trashed elsewhere meanwhile): that is not about the path.
        return error.details?.kind === 'dossier' ? { general: errorText(error) } : { field: t('attachments.add.missing', { path: sourcePath }) };
      case 'FILE_NOT_FOUND':
        return { field: t('attachments.add.missing', { path: sourcePath }) };
      case 'NAME_TOO_LONG':
        return { field: errorText(error) };
      case 'PERMISSION_DENIED':
        return { field: t('attachments.add.unreadable') };
      case 'FILE_NOT_REGULAR':
        return { field: t('attachments.add.notAFile') };
      case 'INVALID_INPUT':
        if (reason === 'file.not-regular' || reason === 'file.is-folder') return { field: t('attachments.add.notAFile') };
        if (reason === 'file.vault-itself') return { field: t('attachments.add.vaultItself') };
        return { general: errorText(error) };
      default:
        // DISK_FULL, IO_ERROR: the shared sentences say what happened and that nothing changed.
        return { general: errorText(error) };
    }
  };
}

/**
 * A file from disk into the dossier, with its grading and handling code. The core reads it in its
 * own thread, in chunks, inside one transaction: meanwhile the bar shows how far it is, the rest of
 * the app stays usable, and "Afbreken" leaves nothing behind.
 */
export function AddAttachmentForm({ dossierId, defaultTlp }: AddAttachmentFormProps) {
  const { t } = useTranslation();
  const options = useDomainOptions();
  const outcomeMessage = useOutcomeMessage();
  const [sourcePath, setSourcePath] = useState('');
  const [sourceGrade, setSourceGrade] = useState<SourceGrade>(UNGRADED.sourceGrade);
  const [informationGrade, setInformationGrade] = useState<InformationGrade>(UNGRADED.informationGrade);
  const [tlp, setTlp] = useState<TlpCode>(defaultTlp);
  const [provenance, setProvenance] = useState<Provenance>(newFactProvenance);
  // Remounts the provenance fields after an import, so that the next file's supplier proposes its own defaults again.
  const [provenanceKey, setProvenanceKey] = useState(0);
  const [attempted, setAttempted] = useState(false);
  const [editedSince, setEditedSince] = useState(false);
  const pathRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const { pending, outcome, finished, start } = useAttachmentImports();
  // Also an import started elsewhere (another dossier): the core does one thing at a time.
  const running = useRunningJob('attachment-import');
  const busy = pending !== null || running !== null;
  const ownOutcome = outcome?.dossierId === dossierId ? outcome : null;
  const message = ownOutcome ? outcomeMessage(ownOutcome) : null;
  const seenFinished = useRef(finished);

  // An import that ends while the form is on screen: empty the field after success, point at it after a file error.
  useEffect(() => {
    if (finished === seenFinished.current) return;
    seenFinished.current = finished;
    if (!ownOutcome) return;
    if (ownOutcome.result.ok) {
      // The next file is graded afresh: a grading belongs to one file, not to the last one added.
      setSourcePath('');
      setSourceGrade(UNGRADED.sourceGrade);
      setInformationGrade(UNGRADED.informationGrade);
      setTlp(defaultTlp);
      setProvenance(newFactProvenance());
      setProvenanceKey((key) => key + 1);
      setAttempted(false);
    } else if (message?.field) {
      pathRef.current?.focus();
    }
    setEditedSince(false);
  }, [finished, ownOutcome, message?.field, defaultTlp]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setEditedSince(false);
    const path = sourcePath.trim();
    if (path === '') {
      pathRef.current?.focus();
      return;
    }
    void start({ dossierId, sourcePath: path, sourceGrade, informationGrade, tlp, provenance: provenanceInput(provenance) });
  }

  const fieldError = attempted && sourcePath.trim() === '' ? t('attachments.add.pathRequired') : editedSince ? null : (message?.field ?? null);
  return (
    <section className="app-card app-attachment-add" aria-labelledby={titleId}>
      <h3 className="utrecht-heading-3" id={titleId}>
        {t('attachments.add.title')}
      </h3>
      <form className="app-form" onSubmit={submit} noValidate aria-busy={busy}>
        <PathField
          purpose="attachment-import"
          label={t('attachments.add.pathLabel')}
          description={t('attachments.add.pathDescription')}
          error={fieldError}
          value={sourcePath}
          onValueChange={(value) => {
            setSourcePath(value);
            setEditedSince(true);
          }}
          inputRef={pathRef}
        />
        <fieldset className="utrecht-form-fieldset app-attachment-add__grading">
          <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t('attachments.add.gradingLegend')}</legend>
          <SelectField
            label={t('attachments.add.sourceGradeLabel')}
            value={sourceGrade}
            onChange={(event) => setSourceGrade(event.target.value as SourceGrade)}
            options={options.sourceGrades}
          />
          <SelectField
            label={t('attachments.add.informationGradeLabel')}
            value={String(informationGrade)}
            onChange={(event) => setInformationGrade(Number(event.target.value) as InformationGrade)}
            options={options.informationGrades}
          />
        </fieldset>
        <div className="app-attachment-add__tlp">
          <SelectField label={t('attachments.add.tlpLabel')} value={tlp} onChange={(event) => setTlp(event.target.value as TlpCode)} options={options.tlpCodes} />
        </div>
        <ProvenanceFields key={provenanceKey} value={provenance} onChange={setProvenance} />
        {running && (
          <>
            <JobProgress kind="attachment-import" />
            <p className="utrecht-paragraph app-muted">{t('attachments.progress.elsewhere')}</p>
          </>
        )}
        {!busy && message?.general && <Alert type="error">{message.general}</Alert>}
        {!busy && message?.info && <Alert type="info">{message.info}</Alert>}
        {!busy && message?.ok && <Alert type="ok">{message.ok}</Alert>}
        <Button type="submit" appearance="primary" busy={busy} busyLabel={t('attachments.add.busy')}>
          {t('attachments.add.submit')}
        </Button>
      </form>
    </section>
  );
}
