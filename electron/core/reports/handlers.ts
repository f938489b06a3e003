import { DEFAULT_TLP } from '../../../shared/domain/enums';
import type { AccessRequestResult, reportApi } from '../../../shared/api/reports';
import type { Audience } from '../../../shared/domain/sharing';
import { withheldLines } from '../../../shared/i18n/sharing';
import { inTransaction, today, type CoreContext } from '../kernel/context';
import { describeAudience, organisationNames } from '../sharing/audience';
import type { SharingDecision } from '../sharing/policy';
import { decideForOutput, factKey, loadFacts, recordDisclosure } from '../sharing/regime';
import { accessRequestFacts, accessRequestSearch, criteriaKinds, recordAccessRequest } from './access-request';
import { renderAccessRequestPdf, renderYearReportPdf } from './report-pdf';
import { dashboardFigures } from './dashboard';
import { reportFigures } from './figures';
import { processingRegister, registerDocument, updateProcessingRegister } from './register';
import { reportCsv } from './report-text';
import { destroyItem, retentionDefaults, retentionList, retentionOverview, setRetentionUntil, updateRetentionDefaults } from './retention';
import { writableTarget, writeOutputFile } from '../kernel/output-files';
import { suggestedFileName } from '../../../shared/domain/file-names';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import type { Vault } from '../vault/vault';

/** Reports, the dashboard, retention, access requests and the processing register. */
export function createReportHandlers({ requireVault, context, renderPdf }: HandlerDependencies): HandlerImplementations<keyof typeof reportApi> {
  return {
    'report.figures': (period) => reportFigures(context().db, period),
    'report.exportCsv': ({ from, to, targetPath, overwrite, audience = INTERNAL }) => {
      const current = context();
      const decision = decideReport(current, audience);
      const written = writeTextReport(
        requireVault(),
        targetPath,
        overwrite,
        suggestedFileName.yearReportCsv(from, to),
        reportCsv(reportFigures(current.db, { from, to }), organisationNames(current), decision.summary.marking),
      );
      inTransaction(current, () => {
        current.audit('report.exported', { from, to, format: 'csv' });
        recordDisclosure(current, { output: 'report', channel: 'csv', audience, decision, path: written.path });
      });
      return written;
    },
    'report.exportPdf': async ({ from, to, targetPath, overwrite, audience = INTERNAL }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite, suggestedFileName.yearReportPdf(from, to));
      const current = context();
      const decision = decideReport(current, audience);
      const names = organisationNames(current);
      const rendered = renderYearReportPdf(
        reportFigures(current.db, { from, to }),
        {
          madeOn: today(current),
          madeBy: current.actor,
          marking: decision.summary.marking,
          withheld: withheldLines(decision.summary),
          audience: describeAudience(audience, names),
        },
        names,
      );
      const bytes = await renderPdf(rendered);
      writeOutputFile(target, bytes, 'write report PDF');
      // Calls run one after another (Core's queue): a lock waits until this export is recorded.
      inTransaction(current, () => {
        vault.audit('report.exported', { from, to, format: 'pdf' });
        recordDisclosure(current, { output: 'report', channel: 'pdf', audience, decision, path: target });
      });
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
      const current = context();
      const target = writableTarget(vault, targetPath, overwrite, suggestedFileName.accessRequest(today(current)));
      const found = accessRequestSearch(current, criteria);
      // For internal use: the privacy officer's working overview for answering the request. The
      // answer to the person is written from it, and is not this PDF. So the regime lets every
      // fact go; its decision still gives the marking (the strictest of the content) and the register.
      const audience = INTERNAL;
      // The PDF prints whom the request is about (name, BSN) even when nothing was found: that alone
      // says the vault was searched for this person, so it stays within the municipality.
      const decision = decideForOutput(current, loadFacts(current, accessRequestFacts(found)), audience, null, { floor: DEFAULT_TLP });
      const result = onlyGoing(found, decision);
      const bytes = await renderPdf(
        renderAccessRequestPdf(result, criteria, {
          madeOn: today(current),
          madeBy: current.actor,
          reference,
          marking: decision.summary.marking,
          withheld: withheldLines(decision.summary),
          audience: describeAudience(audience, organisationNames(current)),
        }),
      );
      writeOutputFile(target, bytes, 'write access request PDF');
      inTransaction(current, () => {
        // Which kinds of criteria and how much was found; never the person, nor the path (it may name them).
        vault.audit('access-request.exported', {
          format: 'pdf',
          criteria: criteriaKinds(criteria),
          subjects: result.subjects.length,
          dossiers: new Set(result.dossiers.map((dossier) => dossier.id)).size,
          reference: reference ?? null,
        });
        recordDisclosure(current, { output: 'access-request', channel: 'pdf', audience, decision, path: null });
      });
      return { path: target, bytes: bytes.byteLength };
    },
    'register.get': () => processingRegister(context()),
    'register.update': (changes) => updateProcessingRegister(context(), changes),
    'register.export': ({ targetPath, format, overwrite }) => {
      const current = context();
      const written = writeTextReport(
        requireVault(),
        targetPath,
        overwrite,
        suggestedFileName.register(today(current), format),
        registerDocument(processingRegister(current), format, today(current)),
      );
      current.audit('register.exported', { format });
      return written;
    },
  };
}

const INTERNAL: Audience = { kind: 'internal' };

/**
 * The regime's decision for a report: it holds counts with small-count suppression (1 to 4 as
 * "< 5"), no fact about any one dossier or person (the year report lists none: see figures.ts and
 * report-text.ts), so there is nothing to weigh and nothing is left out. Its marking is then
 * TLP:CLEAR: aggregate counts that cannot be traced to a case may go to anyone (the council, the
 * public), whoever the user names as audience. The audience still goes into the register.
 */
function decideReport(context: CoreContext, audience: Audience): SharingDecision {
  return decideForOutput(context, [], audience);
}

/** The search result with only what the regime lets go (a dossier row needs the dossier and the person's link to it). */
function onlyGoing(result: AccessRequestResult, decision: SharingDecision): AccessRequestResult {
  const going = new Set(decision.going.map((fact) => factKey(fact.ref)));
  const goes = (kind: Parameters<typeof factKey>[0]['kind'], id: number) => going.has(factKey({ kind, id }));
  return {
    ...result,
    subjects: result.subjects.filter((subject) => goes('subject', subject.id)),
    subjectLinks: result.subjectLinks.filter((link) => goes('subject-link', link.id)),
    dossiers: result.dossiers.filter((dossier) => goes('dossier', dossier.id) && goes('dossier-link', dossier.linkId)),
    signals: result.signals.filter((signal) => goes('signal', signal.id)),
    notes: result.notes.filter((note) => goes('note', note.id)),
    attachments: result.attachments.filter((attachment) => goes('attachment', attachment.id)),
  };
}

/** A CSV or text report the user asked for: like every output file, never one of the vault's own, owner-only. */
function writeTextReport(vault: Vault, targetPath: string, overwrite: boolean | undefined, suggestedName: string, text: string): { path: string; bytes: number } {
  const target = writableTarget(vault, targetPath, overwrite, suggestedName);
  const data = Buffer.from(text, 'utf8');
  writeOutputFile(target, data, 'write report');
  return { path: target, bytes: data.length };
}
