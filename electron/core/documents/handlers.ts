import type { documentApi } from '../../../shared/api/documents';
import { compareVersions, composeDocument, getDocument, listDocuments, readVersion, saveDocument } from './documents';
import { renderDocx } from './docx';
import { DEFAULT_SIGNAL_QUESTION, renderSignalSheet } from './signal-sheet';
import { renderDocument } from './template';
import { writableTarget, writeOutputFile } from '../kernel/output-files';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';

/**
 * Preweegdocumenten over the open vault. Every print and export is recorded in the audit trail
 * with the document, its version, the format and (for files) the path, so that "who has a copy
 * of version 3" can be answered later.
 */
export function createDocumentHandlers({ requireVault, context, renderPdf }: HandlerDependencies): HandlerImplementations<keyof typeof documentApi> {
  return {
    'document.list': ({ dossierId }) => listDocuments(context(), dossierId),
    'document.compose': (input) => composeDocument(context(), input),
    'document.get': (input) => getDocument(context(), input),
    'document.save': (input) => saveDocument(context(), input),
    'document.compare': (input) => compareVersions(context(), input),
    'document.printView': ({ documentId, version }) => {
      const document = readVersion(context(), documentId, version);
      const rendered = renderDocument(document, 'print');
      return { html: rendered.html, headerTemplate: rendered.headerTemplate, footerTemplate: rendered.footerTemplate, version: document.version.version };
    },
    'document.printed': ({ documentId, version }) => {
      const own = context();
      readVersion(own, documentId, version);
      own.audit('document.printed', { documentId, version });
      return { recorded: true };
    },
    'document.exportPdf': async ({ documentId, version, targetPath, overwrite }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite);
      const document = readVersion(context(), documentId, version);
      const rendered = renderDocument(document, 'pdf');
      const bytes = await renderPdf({ html: rendered.html, headerTemplate: rendered.headerTemplate, footerTemplate: rendered.footerTemplate });
      writeOutputFile(target, bytes, 'write PDF');
      // Calls run one after another (Core's queue): a lock waits until this export is recorded.
      vault.audit('document.exported', { documentId, version: document.version.version, format: 'pdf', path: target });
      return { path: target, bytes: bytes.byteLength, version: document.version.version };
    },
    'document.exportDocx': async ({ documentId, version, targetPath, overwrite }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite);
      const document = readVersion(context(), documentId, version);
      const bytes = await renderDocx(document);
      writeOutputFile(target, bytes, 'write Word document');
      vault.audit('document.exported', { documentId, version: document.version.version, format: 'docx', path: target });
      return { path: target, bytes: bytes.byteLength, version: document.version.version };
    },
    'document.signalSheetPdf': async ({ signalId, question, targetPath, overwrite }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite);
      const bytes = await renderPdf(renderSignalSheet(context(), signalId, question ?? DEFAULT_SIGNAL_QUESTION));
      writeOutputFile(target, bytes, 'write signal sheet');
      vault.audit('document.signal-sheet-exported', { signalId, path: target });
      return { path: target, bytes: bytes.byteLength };
    },
  };
}
