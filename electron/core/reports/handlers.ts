import type { reportApi } from '../../../shared/api/reports';
import { today } from '../kernel/context';
import { accessRequestSearch, criteriaKinds, recordAccessRequest } from './access-request';
import { renderAccessRequestPdf, renderYearReportPdf } from './report-pdf';
import { dashboardFigures } from './dashboard';
import { reportFigures } from './figures';
import { processingRegister, registerDocument, updateProcessingRegister } from './register';
import { reportCsv } from './report-text';
import { destroyItem, retentionDefaults, retentionList, retentionOverview, setRetentionUntil, updateRetentionDefaults } from './retention';
import { writableTarget, writeOutputFile } from '../kernel/output-files';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import type { Vault } from '../vault/vault';

/** Reports, the dashboard, retention, access requests and the processing register. */
export function createReportHandlers({ requireVault, context, renderPdf }: HandlerDependencies): HandlerImplementations<keyof typeof reportApi> {
  return {
    'report.figures': (period) => reportFigures(context().db, period),
    'report.exportCsv': ({ from, to, targetPath, overwrite }) => {
      const current = context();
      const written = writeTextReport(requireVault(), targetPath, overwrite, reportCsv(reportFigures(current.db, { from, to })));
      current.audit('report.exported', { from, to, format: 'csv' });
      return written;
    },
    'report.exportPdf': async ({ from, to, targetPath, overwrite }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite);
      const current = context();
      const rendered = renderYearReportPdf(reportFigures(current.db, { from, to }), { madeOn: today(current), madeBy: current.actor });
      const bytes = await renderPdf(rendered);
      writeOutputFile(target, bytes, 'write report PDF');
      // Calls run one after another (Core's queue): a lock waits until this export is recorded.
      vault.audit('report.exported', { from, to, format: 'pdf' });
      return { path: target, bytes: bytes.byteLength };
    },
    'dashboard.figures': (period) => {
      const current = context();
      return dashboardFigures(current.db, period, today(current));
    },
    'retention.defaults': () => retentionDefaults(context()),
    'retention.updateDefaults': (changes) => updateRetentionDefaults(context(), changes),
    'retention.list': (input) => retentionList(context(), input),
    'retention.overview': () => retentionOverview(context()),
    'retention.setUntil': (input) => setRetentionUntil(context(), input),
    'retention.destroy': (input) => destroyItem(context(), input),
    'accessRequest.search': (criteria) => accessRequestSearch(context(), criteria),
    'accessRequest.recordHandled': (input) => recordAccessRequest(context(), input),
    'accessRequest.exportPdf': async ({ criteria, reference, targetPath, overwrite }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite);
      const current = context();
      const result = accessRequestSearch(current, criteria);
      const bytes = await renderPdf(renderAccessRequestPdf(result, criteria, { madeOn: today(current), madeBy: current.actor, reference }));
      writeOutputFile(target, bytes, 'write access request PDF');
      // Which kinds of criteria and how much was found; never the person, nor the path (it may name them).
      vault.audit('access-request.exported', {
        format: 'pdf',
        criteria: criteriaKinds(criteria),
        subjects: result.subjects.length,
        dossiers: new Set(result.dossiers.map((dossier) => dossier.id)).size,
        reference: reference ?? null,
      });
      return { path: target, bytes: bytes.byteLength };
    },
    'register.get': () => processingRegister(context()),
    'register.update': (changes) => updateProcessingRegister(context(), changes),
    'register.export': ({ targetPath, format, overwrite }) => {
      const current = context();
      const written = writeTextReport(requireVault(), targetPath, overwrite, registerDocument(processingRegister(current), format, today(current)));
      current.audit('register.exported', { format });
      return written;
    },
  };
}

/** A CSV or text report the user asked for: like every output file, never one of the vault's own, owner-only. */
function writeTextReport(vault: Vault, targetPath: string, overwrite: boolean | undefined, text: string): { path: string; bytes: number } {
  const target = writableTarget(vault, targetPath, overwrite);
  const data = Buffer.from(text, 'utf8');
  writeOutputFile(target, data, 'write report');
  return { path: target, bytes: data.length };
}
