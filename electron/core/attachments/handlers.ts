import type { attachmentApi } from '../../../shared/api/attachments';
import { exportAttachment, importAttachment, isRiskyToOpen, listAttachments, readPreviewPiece, ViewAuditLog } from './attachments';
import { requireAttachment } from './records';
import { coreContextFor } from '../kernel/context';
import { CoreError } from '../kernel/errors';
import { isOwnedBy } from '../vault/vault-files';
import type { Vault } from '../vault/vault';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import type { ImmediateHandlerName } from './immediate-handlers';

/** The attachment handlers over the open vault; imports and exports report their bytes as job.progress. */
export function createAttachmentHandlers({
  requireVault,
  withProgress,
  now,
  copies,
  openPath,
}: HandlerDependencies): HandlerImplementations<Exclude<keyof typeof attachmentApi, ImmediateHandlerName>> {
  // A new unlock is a new Vault object, and so starts a new record of what was viewed.
  const viewLogs = new WeakMap<Vault, ViewAuditLog>();
  const viewLogOf = (vault: Vault) => {
    let log = viewLogs.get(vault);
    if (!log) viewLogs.set(vault, (log = new ViewAuditLog()));
    return log;
  };

  return {
    'attachment.import': ({ dossierId, sourcePath, fileName, mediaType, sourceGrade, informationGrade, tlp, provenance }) => {
      const vault = requireVault();
      // The vault's own files (database, WAL, key file) are not material for a dossier.
      if (isOwnedBy(vault.path, sourcePath))
        throw new CoreError('INVALID_INPUT', 'the vault itself cannot be an attachment', { field: 'sourcePath', reason: 'file.vault-itself' });
      const context = coreContextFor(vault, now);
      return withProgress('attachment-import', (report) =>
        importAttachment(context, { dossierId, sourcePath, fileName, mediaType, sourceGrade, informationGrade, tlp, provenance }, report),
      );
    },
    'attachment.export': ({ attachmentId, targetPath, overwrite }) => {
      const vault = requireVault();
      // As with backups: the vault's own files are never a target, whatever `overwrite` says.
      if (isOwnedBy(vault.path, targetPath))
        throw new CoreError('INVALID_INPUT', 'an attachment cannot be written over the vault itself', { field: 'targetPath', reason: 'file.vault-itself' });
      const context = coreContextFor(vault, now);
      return withProgress('attachment-export', (report) => exportAttachment(context, attachmentId, targetPath, report, { overwrite }));
    },
    'attachment.list': ({ dossierId }) => listAttachments(coreContextFor(requireVault(), now), dossierId),
    'attachment.preview': ({ attachmentId, offset, length }) => {
      const vault = requireVault();
      return readPreviewPiece(coreContextFor(vault, now), attachmentId, offset, length, viewLogOf(vault));
    },
    'attachment.openCopy': async ({ attachmentId }) => {
      const vault = requireVault();
      const context = coreContextFor(vault, now);
      // Refused before any decrypted byte touches the disk.
      if (!openPath) throw new CoreError('OPEN_FAILED', 'this host cannot open files with another program', { reason: 'no-opener' });
      const attachment = requireAttachment(context, attachmentId);
      if (isRiskyToOpen(attachment.file_name)) {
        throw new CoreError('INVALID_INPUT', 'open copy: a program or script is not opened from the vault', {
          field: 'attachmentId',
          reason: 'attachment.risky-type',
        });
      }
      const copy = await withProgress('attachment-export', (report) => copies.create(context, attachmentId, report));
      try {
        await openPath(copy.path);
      } catch (error) {
        // Nothing will read it: do not leave it until the lock.
        copies.remove(copy.folder);
        throw new CoreError('OPEN_FAILED', `open copy: ${(error as Error)?.message ?? String(error)}`, { reason: 'opener' }, { cause: error });
      }
      return copy;
    },
  };
}
