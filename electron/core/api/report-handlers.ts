import type { reportApi } from '../../../shared/api/reports';
import { dossierContextFor, today } from '../dossiers/context';
import { accessRequestSearch, recordAccessRequest } from '../reports/access-request';
import { dashboardFigures } from '../reports/dashboard';
import { reportFigures } from '../reports/figures';
import { processingRegister, registerDocument, updateProcessingRegister } from '../reports/register';
import { reportCsv, writeTextFile } from '../reports/report-text';
import {
  destroyItem,
  retentionDefaults,
  retentionList,
  retentionOverview,
  setRetentionUntil,
  updateRetentionDefaults,
} from '../reports/retention';
import type { Vault } from '../vault/vault';
import type { HandlerImplementations } from './handler-types';

/** Reports, the dashboard, retention, access requests and the processing register (issue 7). */
export function createReportHandlers(requireVault: () => Vault, now?: () => Date): HandlerImplementations<keyof typeof reportApi> {
  const context = () => dossierContextFor(requireVault(), now);
  return {
    'report.figures': (period) => reportFigures(context().db, period),
    'report.exportCsv': ({ from, to, targetPath, overwrite }) => {
      const current = context();
      const written = writeTextFile(targetPath, reportCsv(reportFigures(current.db, { from, to })), overwrite);
      current.audit('report.exported', { from, to, format: 'csv' });
      return written;
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
    'register.get': () => processingRegister(context()),
    'register.update': (changes) => updateProcessingRegister(context(), changes),
    'register.export': ({ targetPath, format, overwrite }) => {
      const current = context();
      const written = writeTextFile(targetPath, registerDocument(processingRegister(current), format, today(current)), overwrite);
      current.audit('register.exported', { format });
      return written;
    },
  };
}
