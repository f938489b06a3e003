import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Attachment, AttachmentExport } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { OverwriteQuestion } from '../../components/OverwriteQuestion';
import { Dialog } from '../../components/Dialog';
import { PathField } from '../../components/PathField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { fileNameOf } from '../../format/path';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../store/session';
import { JobProgress } from './JobProgress';

/** The vault's folder with the attachment's name: a starting point the user changes (or browses from). */
function suggestedPath(vaultPath: string | null, fileName: string): string {
  if (!vaultPath) return fileName;
  const folder = vaultPath.slice(0, vaultPath.length - fileNameOf(vaultPath).length);
  return `${folder}${fileName}`;
}

/**
 * "Opslaan als…": the core writes the attachment to the chosen path (a temporary sibling, renamed
 * once complete and its SHA-256 checked). An existing file is replaced only after an explicit yes.
 */
export function SaveAttachmentDialog({ attachment, onClose }: { attachment: Attachment; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const vaultPath = useSession((state) => state.status.path);
  const [targetPath, setTargetPath] = useState(() => suggestedPath(vaultPath, attachment.fileName));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<AttachmentExport | null>(null);
  const [error, setError] = useState<{ field?: string; general?: string } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [occupiedTarget, setOccupiedTarget] = useState<string | null>(null);
  const targetRef = useRef<HTMLInputElement>(null);

  function describe(failure: ApiError): { field?: string; general?: string } {
    const reason = failure.details?.reason;
    if (failure.code === 'INVALID_INPUT' && reason === 'file.vault-itself') return { field: t('attachments.save.vaultItself') };
    if (failure.code === 'INVALID_INPUT' && reason === 'file.is-folder') return { field: t('attachments.save.isFolder') };
    if (failure.code === 'PERMISSION_DENIED') return { field: errorText(failure) };
    return { general: errorText(failure) };
  }

  async function save(target: string, overwrite: boolean) {
    setBusy(true);
    setSaved(null);
    setError(null);
    setCancelled(false);
    const result = await callCore(
      'attachment.export',
      overwrite ? { attachmentId: attachment.id, targetPath: target, overwrite: true } : { attachmentId: attachment.id, targetPath: target },
    );
    setBusy(false);
    setOccupiedTarget(null);
    if (result.ok) setSaved(result.value);
    else if (result.error.code === 'FILE_EXISTS' && !overwrite) setOccupiedTarget(target);
    else if (result.error.code === 'CANCELLED') setCancelled(true);
    else {
      const described = describe(result.error);
      setError(described);
      if (described.field) targetRef.current?.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setOccupiedTarget(null);
    if (targetPath.trim() === '') {
      targetRef.current?.focus();
      return;
    }
    void save(targetPath.trim(), false);
  }

  return (
    <Dialog title={t('attachments.save.title', { name: attachment.fileName })} onClose={() => !busy && onClose()}>
      <p className="utrecht-paragraph">{t('attachments.save.body', { tlp: `TLP:${attachment.tlp}` })}</p>
      <form className="app-form" onSubmit={submit} noValidate aria-busy={busy}>
        <PathField
          purpose="attachment-export"
          label={t('attachments.save.pathLabel')}
          description={t('attachments.save.pathDescription')}
          error={attempted && targetPath.trim() === '' ? t('attachments.save.pathRequired') : (error?.field ?? null)}
          value={targetPath}
          onValueChange={(value) => {
            setTargetPath(value);
            setOccupiedTarget(null);
            setError(null);
          }}
          inputRef={targetRef}
        />
        {busy && <JobProgress kind="attachment-export" />}
        {error?.general && <Alert type="error">{error.general}</Alert>}
        {cancelled && <Alert type="info">{t('attachments.save.cancelled')}</Alert>}
        {saved && <Alert type="ok">{t('attachments.save.done', { path: saved.path, size: formatBytes(saved.bytes, currentLanguage()) })}</Alert>}
        {occupiedTarget ? (
          <OverwriteQuestion
            question={t('attachments.save.overwriteQuestion', { path: occupiedTarget })}
            explanation={t('attachments.save.overwriteExplanation')}
            overwriteLabel={t('attachments.save.overwrite')}
            busyLabel={t('attachments.save.busy')}
            busy={busy}
            onOverwrite={() => void save(occupiedTarget, true)}
            onCancel={() => {
              setOccupiedTarget(null);
              targetRef.current?.focus();
            }}
          />
        ) : (
          <div className="app-button-row">
            {!saved && (
              <Button type="submit" appearance="primary" busy={busy} busyLabel={t('attachments.save.busy')}>
                {t('attachments.save.submit')}
              </Button>
            )}
            <Button appearance={saved ? 'primary' : 'secondary'} onClick={onClose} disabled={busy}>
              {saved ? t('attachments.preview.close') : t('common.cancel')}
            </Button>
          </div>
        )}
      </form>
    </Dialog>
  );
}
