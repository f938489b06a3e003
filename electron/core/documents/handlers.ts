import { inTransaction } from '../kernel/context';
import type { documentApi } from '../../../shared/api/documents';
import { compareVersions, composeDocument, getDocument, listDocuments, saveDocument } from './documents';
import { renderDocx } from './docx';
import { prepareOutput, recordDocumentDisclosure } from './output';
import { DEFAULT_SIGNAL_QUESTION, renderSignalSheet } from './signal-sheet';
import { renderDocument } from './template';
import { withheldLines } from '../../../shared/i18n/sharing';
import { recordDisclosure } from '../sharing/regime';
import { writableTarget, writeOutputFile } from '../kernel/output-files';
import { suggestedFileName } from '../../../shared/domain/file-names';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';

/**
 * Preweegdocumenten over the open vault. Every print and export goes through the sharing regime
 * for its audience (output.ts) and is recorded twice: in the audit trail with the document, its
 * version, the format and (for files) the path, and in the disclosure register with what went to
 * whom, so that "who has a copy of version 3" and "who received this note" can be answered later.
 */
export function createDocumentHandlers({ requireVault, context, renderPdf }: HandlerDependencies): HandlerImplementations<keyof typeof documentApi> {
  return {
    'document.list': ({ dossierId }) => listDocuments(context(), dossierId),
    'document.compose': (input) => composeDocument(context(), input),
    'document.get': (input) => getDocument(context(), input),
    'document.save': (input) => saveDocument(context(), input),
    'document.compare': (input) => compareVersions(context(), input),
    'document.printView': ({ documentId, version, audience, override }) => {
      const prepared = prepareOutput(context(), documentId, version, audience, override);
      const rendered = renderDocument(prepared.document, 'print');
      return {
        html: rendered.html,
        headerTemplate: rendered.headerTemplate,
        footerTemplate: rendered.footerTemplate,
        version: prepared.document.version.version,
        title: prepared.document.document.title,
        sections: prepared.document.sections,
        sharing: prepared.sharing,
      };
    },
    'document.printed': ({ documentId, version, audience, override }) => {
      const own = context();
      // Decided again as the print view was: the same version, audience and override give the same decision.
      const prepared = prepareOutput(own, documentId, version, audience, override);
      // The audit entry and the register entry are one record of one print: both or neither.
      inTransaction(own, () => {
        own.audit('document.printed', { documentId, version });
        recordDocumentDisclosure(own, prepared, 'print');
      });
      return { recorded: true, sharing: prepared.sharing };
    },
    'document.exportPdf': async ({ documentId, version, targetPath, overwrite, audience, override }) => {
      const vault = requireVault();
      const prepared = prepareOutput(context(), documentId, version, audience, override);
      const target = writableTarget(
        vault,
        targetPath,
        overwrite,
        suggestedFileName.documentVersion(prepared.document.document.dossierNumber, prepared.document.version.version, 'pdf'),
      );
      const rendered = renderDocument(prepared.document, 'pdf');
      const bytes = await renderPdf({ html: rendered.html, headerTemplate: rendered.headerTemplate, footerTemplate: rendered.footerTemplate });
      writeOutputFile(target, bytes, 'write PDF');
      // Calls run one after another (Core's queue): a lock waits until this export is recorded.
      const written = prepared.document.version.version;
      inTransaction(context(), () => {
        vault.audit('document.exported', { documentId, version: written, format: 'pdf', path: target });
        recordDocumentDisclosure(context(), prepared, 'pdf', target);
      });
      return { path: target, bytes: bytes.byteLength, version: written, sharing: prepared.sharing };
    },
    'document.exportDocx': async ({ documentId, version, targetPath, overwrite, audience, override }) => {
      const vault = requireVault();
      const prepared = prepareOutput(context(), documentId, version, audience, override);
      const target = writableTarget(
        vault,
        targetPath,
        overwrite,
        suggestedFileName.documentVersion(prepared.document.document.dossierNumber, prepared.document.version.version, 'docx'),
      );
      const bytes = await renderDocx(prepared.document);
      writeOutputFile(target, bytes, 'write Word document');
      const written = prepared.document.version.version;
      inTransaction(context(), () => {
        vault.audit('document.exported', { documentId, version: written, format: 'docx', path: target });
        recordDocumentDisclosure(context(), prepared, 'word', target);
      });
      return { path: target, bytes: bytes.byteLength, version: written, sharing: prepared.sharing };
    },
    'document.signalSheetPdf': async ({ signalId, question, targetPath, overwrite, audience, override }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite, suggestedFileName.signalSheet(signalId));
      const sheet = renderSignalSheet(context(), signalId, question ?? DEFAULT_SIGNAL_QUESTION, audience, override);
      const bytes = await renderPdf(sheet.page);
      writeOutputFile(target, bytes, 'write signal sheet');
      inTransaction(context(), () => {
        vault.audit('document.signal-sheet-exported', { signalId, path: target });
        recordDisclosure(context(), { output: 'signal-sheet', channel: 'pdf', audience: sheet.audience, decision: sheet.decision, path: target });
      });
      return { path: target, bytes: bytes.byteLength, summary: sheet.decision.summary, withheldLines: withheldLines(sheet.decision.summary) };
    },
  };
}
