import type { attachmentApi } from '../../../shared/api/attachments';
import type { JobKind } from '../../../shared/api/events';
import { exportAttachment, importAttachment, listAttachments, type ByteProgress } from '../attachments/attachments';
import { dossierContextFor } from '../dossiers/context';
import { CoreError } from '../errors';
import { isOwnedBy } from '../vault/vault-files';
import type { Vault } from '../vault/vault';
import type { HandlerImplementations } from './handler-types';

/** Core's withProgress: runs `work` as a job of `kind`, handing it a reporter of bytes done/total. */
export type RunWithProgress = <T>(kind: JobKind, work: (report: ByteProgress) => T | Promise<T>) => Promise<T>;

/** The attachment handlers over the open vault; imports and exports report their bytes as job.progress. */
export function createAttachmentHandlers(
  requireVault: () => Vault,
  withProgress: RunWithProgress,
  now?: () => Date,
): HandlerImplementations<keyof typeof attachmentApi> {
  return {
    'attachment.import': ({ dossierId, sourcePath, fileName, mediaType, sourceGrade, informationGrade, tlp }) => {
      const vault = requireVault();
      // The vault's own files (database, WAL, key file) are not material for a dossier.
      if (isOwnedBy(vault.path, sourcePath)) throw new CoreError('INVALID_INPUT', 'the vault itself cannot be an attachment');
      const context = dossierContextFor(vault, now);
      return withProgress('attachment-import', (report) =>
        importAttachment(context, { dossierId, sourcePath, fileName, mediaType, sourceGrade, informationGrade, tlp }, report),
      );
    },
    'attachment.export': ({ attachmentId, targetPath, overwrite }) => {
      const vault = requireVault();
      // As with backups: the vault's own files are never a target, whatever `overwrite` says.
      if (isOwnedBy(vault.path, targetPath)) throw new CoreError('INVALID_INPUT', 'an attachment cannot be written over the vault itself');
      const context = dossierContextFor(vault, now);
      return withProgress('attachment-export', (report) => exportAttachment(context, attachmentId, targetPath, report, { overwrite }));
    },
    'attachment.list': ({ dossierId }) => listAttachments(dossierContextFor(requireVault(), now), dossierId),
  };
}
