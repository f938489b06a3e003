import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import type { DossierTabProps } from '../dossiers/tab-props';
import { AddAttachmentForm } from './AddAttachmentForm';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { Grading, TlpBadge } from '../../components/Weighing';
import { AttachmentPreviewDialog } from './AttachmentPreviewDialog';
import { typeLabel } from './attachment-labels';
import { useAttachmentImports } from './import-store';
import { JobProgress } from './JobProgress';
import { SaveAttachmentDialog } from './SaveAttachmentDialog';
import { VisibleText } from '../../components/VisibleText';

type OpenDialog = { kind: 'preview' | 'save' | 'trash'; attachment: Attachment } | null;
type Notice = { type: 'ok' | 'info' | 'error'; text: string } | null;

/**
 * The dossier's attachments: a table with each file's type, size, who added it when, its grading
 * and handling code, and what can be done with it: a preview inside the app, a copy saved where the
 * user chooses, a temporary copy opened in another program, or the trash. Below it, adding a file.
 */
export function AttachmentsTab({ dossier, onDossierChanged }: DossierTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { data: attachments, error, loading, reload } = useCoreQuery('attachment.list', { dossierId: dossier.id });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [opening, setOpening] = useState<number | null>(null);
  const language = currentLanguage();
  const headingId = useId();
  const importsFinished = useAttachmentImports((state) => state.finished);
  const lastImport = useAttachmentImports((state) => state.outcome);
  const seenImports = useRef(importsFinished);

  // An import into this dossier ends while the tab is open: list it (an earlier one is in the list already).
  useEffect(() => {
    if (importsFinished === seenImports.current) return;
    seenImports.current = importsFinished;
    if (lastImport?.dossierId === dossier.id && lastImport.result.ok) {
      reload();
      onDossierChanged();
    }
  }, [importsFinished, lastImport, dossier.id, reload, onDossierChanged]);

  async function openWithProgram(attachment: Attachment) {
    setOpening(attachment.id);
    setNotice(null);
    const result = await callCore('attachment.openCopy', { attachmentId: attachment.id });
    setOpening(null);
    if (result.ok) setNotice({ type: 'info', text: t('attachments.open.opened', { folder: result.value.folder }) });
    else if (result.error.code === 'INVALID_INPUT' && result.error.details?.reason === 'attachment.risky-type')
      setNotice({ type: 'error', text: t('attachments.open.risky') });
    else setNotice({ type: 'error', text: errorText(result.error) });
  }

  async function moveToTrash(attachment: Attachment) {
    const result = await callCore('trash.move', { kind: 'attachment', id: attachment.id });
    setDialog(null);
    if (result.ok) {
      setNotice({ type: 'ok', text: t('attachments.trash.done', { name: attachment.fileName }) });
      reload();
      onDossierChanged();
    } else {
      setNotice({ type: 'error', text: errorText(result.error) });
    }
  }

  return (
    <section className="app-attachments" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('attachments.title')}
        {attachments && <span className="app-attachments__count">{t('attachments.count', { count: attachments.length })}</span>}
      </h2>
      <p className="utrecht-paragraph app-muted">{t('attachments.lead')}</p>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      {notice && (
        <div className="app-attachments__notice">
          <Alert type={notice.type}>{notice.text}</Alert>
          <Button appearance="subtle" onClick={() => setNotice(null)}>
            {t('attachments.open.dismiss')}
          </Button>
        </div>
      )}
      {opening !== null && <JobProgress kind="attachment-export" />}
      {!attachments && loading && (
        <p className="utrecht-paragraph" role="status">
          {t('attachments.loading')}
        </p>
      )}
      {attachments && attachments.length === 0 && (
        <EmptyState>
          <p className="utrecht-paragraph">{t('attachments.empty')}</p>
        </EmptyState>
      )}
      {attachments && attachments.length > 0 && (
        <div className="app-attachments__table-wrap">
          <table className="utrecht-table app-attachments__table">
            <caption className="app-visually-hidden">{t('attachments.table.caption', { number: dossier.number })}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('attachments.table.fileName')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('attachments.table.size')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('attachments.table.added')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('attachments.table.grading')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('attachments.table.tlp')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('attachments.table.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {attachments.map((attachment) => (
                <tr className="utrecht-table__row" key={attachment.id}>
                  <th className="utrecht-table__cell app-attachments__name" scope="row">
                    <VisibleText text={attachment.fileName} />
                    <span className="app-attachments__type">{typeLabel(t, attachment)}</span>
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric app-attachments__size">{formatBytes(attachment.byteSize, language)}</td>
                  <td className="utrecht-table__cell">
                    {formatDate(attachment.addedAt, language)}
                    <span className="app-attachments__by">{t('attachments.table.addedBy', { name: attachment.addedBy })}</span>
                  </td>
                  <td className="utrecht-table__cell">
                    <Grading sourceGrade={attachment.sourceGrade} informationGrade={attachment.informationGrade} />
                    <ProvenanceLine provenance={attachment.provenance} />
                  </td>
                  <td className="utrecht-table__cell">
                    <TlpBadge tlp={attachment.tlp} />
                  </td>
                  <td className="utrecht-table__cell app-attachments__actions">
                    <div className="app-attachments__actions-grid">
                      <Button
                        appearance="subtle"
                        aria-label={t('attachments.actions.previewLabel', { name: attachment.fileName })}
                        onClick={() => setDialog({ kind: 'preview', attachment })}
                      >
                        {t('attachments.actions.preview')}
                      </Button>
                      <Button
                        appearance="subtle"
                        aria-label={t('attachments.actions.saveLabel', { name: attachment.fileName })}
                        onClick={() => setDialog({ kind: 'save', attachment })}
                      >
                        {t('attachments.actions.save')}
                      </Button>
                      <Button
                        appearance="subtle"
                        aria-label={t('attachments.actions.openLabel', { name: attachment.fileName })}
                        busy={opening === attachment.id}
                        busyLabel={t('attachments.open.busy')}
                        onClick={() => void openWithProgram(attachment)}
                      >
                        {t('attachments.actions.openShort')}
                      </Button>
                      <Button
                        appearance="subtle"
                        aria-label={t('attachments.actions.trashLabel', { name: attachment.fileName })}
                        onClick={() => setDialog({ kind: 'trash', attachment })}
                      >
                        {t('attachments.actions.trash')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddAttachmentForm dossierId={dossier.id} defaultTlp={dossier.tlp} />
      {dialog?.kind === 'preview' && <AttachmentPreviewDialog attachment={dialog.attachment} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'save' && <SaveAttachmentDialog attachment={dialog.attachment} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'trash' && <TrashQuestion attachment={dialog.attachment} onConfirm={() => void moveToTrash(dialog.attachment)} onCancel={() => setDialog(null)} />}
    </section>
  );
}

function TrashQuestion({ attachment, onConfirm, onCancel }: { attachment: Attachment; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={t('attachments.trash.title')} onClose={onCancel}>
      <p className="utrecht-paragraph">{t('attachments.trash.question', { name: attachment.fileName })}</p>
      <p className="utrecht-paragraph">{t('attachments.trash.explanation')}</p>
      <div className="app-button-row">
        <Button
          appearance="primary"
          busy={busy}
          onClick={() => {
            setBusy(true);
            onConfirm();
          }}
        >
          {t('attachments.trash.confirm')}
        </Button>
        <Button appearance="secondary" onClick={onCancel} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
