import { PREWEEG_SECTIONS, type DocumentSharing, type DocumentVersion, type PreweegSection, type SectionTexts } from '../../../shared/api/documents';
import type { TlpCode } from '../../../shared/domain/enums';
import type { Audience, DisclosureChannel, FactRef, SharingOverride } from '../../../shared/domain/sharing';
import { withheldLines } from '../../../shared/i18n/sharing';
import type { CoreContext } from '../kernel/context';
import { PART_WITHHELD_NOTICE, redactComposedParts, type FactLine } from '../sharing/composed-text';
import { shownCode, strictestCode, type SharedFact, type SharingDecision } from '../sharing/policy';
import { decideForOutput, dossierFacts, factKey, loadFacts, recordDisclosure, withEarlierWithheld } from '../sharing/regime';
import { PREWEEG_FACT_KINDS, regimeLines, type RegimeLines } from './compose';
import { parseContent, readVersion, requireVersion } from './documents';

/** A version as one output for one audience will show it: redacted, marked, and the decision it was made from. */
export interface PreparedOutput {
  /** The version with the redacted sections, the output's marking as `tlp`, and a title without what may not go. */
  document: DocumentVersion;
  sharing: DocumentSharing;
  decision: SharingDecision;
}

/**
 * The one preparation behind print, PDF and Word of a preweegdocument: the facts the version's
 * lines came from (as they are now, and the dossier's own fields), the regime's decision for
 * `audience` (default: whom the version was composed for), their lines taken out
 * (redactComposedParts), and the verantwoording's bases, marking, disclosures and "weggelaten"
 * lines written for this output.
 *
 * A version composed before the regime has no fact lines: its whole text counts as the dossier's
 * own, under the code the version was stored with; if that may not go, every section is left out.
 */
export function prepareOutput(context: CoreContext, documentId: number, version: number | undefined, audience?: Audience, override?: SharingOverride): PreparedOutput {
  const stored = readVersion(context, documentId, version);
  const content = parseContent(requireVersion(context, documentId, stored.version.version));
  const dossierId = stored.document.dossierId;
  const dossierRef: FactRef = { kind: 'dossier', id: dossierId };
  const forAudience = audience ?? content.audience ?? { kind: 'internal' };

  let decision: SharingDecision;
  let sections: SectionTexts;
  let sectionsWithheld: PreweegSection[];
  let marking: TlpCode;
  if (content.factLines) {
    const refs = uniqueRefs([dossierRef, ...content.factLines.map((line) => line.ref)]);
    const facts = loadFacts(context, refs);
    decision = decideForOutput(context, facts, forAudience, override);
    // A fact destroyed since composing cannot be weighed any more: its lines stay out.
    const found = new Set(facts.map((fact) => factKey(fact.ref)));
    const gone = refs.filter((ref) => !found.has(factKey(ref)));
    const redacted = redactComposedParts(content.sections, content.factLines, [...decision.summary.withheld.map((fact) => fact.ref), ...gone]);
    // The dossier's own fields head every section (number, title, counts): without them nothing goes.
    const dossierGoes = decision.going.some((fact) => fact.ref.kind === 'dossier');
    sections = dossierGoes ? withCurrentCodes(redacted.parts as SectionTexts, content.factLines, decision.going) : allWithheld();
    sectionsWithheld = dossierGoes ? (redacted.partsWithheld as PreweegSection[]) : [...PREWEEG_SECTIONS];
    marking = strictestCode([decision.summary.marking, content.chosenTlp ?? 'CLEAR']);
  } else {
    // Composed before the regime: nothing says which line came from which fact, so the text counts as
    // holding every fact of the dossier a preweegdocument shows. It goes whole, or not at all.
    // The code the version was stored with covers its text: the dossier's own fact carries it.
    const facts = dossierFacts(context, dossierId, PREWEEG_FACT_KINDS).map((fact) =>
      fact.ref.kind === 'dossier' ? { ...fact, tlp: strictestCode([fact.tlp, stored.tlp]) } : fact,
    );
    decision = decideForOutput(context, facts, forAudience, override);
    const withheld = decision.summary.withheld.length > 0;
    sections = withheld ? allWithheld() : content.sections;
    sectionsWithheld = withheld ? [...PREWEEG_SECTIONS] : [];
    marking = strictestCode([stored.tlp, ...facts.map(shownCode)]);
  }
  // What composing left out is not in the text either: the output names it beside its own.
  if (content.sharing) decision = { ...decision, summary: withEarlierWithheld(decision.summary, content.sharing) };
  const fresh = regimeLines(context, dossierId, decision, marking);
  sections = { ...sections, verantwoording: refreshVerantwoording(sections.verantwoording, content.regimeLines ?? null, fresh) };

  const dossierGoes = decision.going.some((fact) => fact.ref.kind === 'dossier');
  const title = dossierGoes ? stored.document.title : `Preweegdocument ${stored.document.dossierNumber}`;
  const sharing: DocumentSharing = { marking, audience: forAudience, summary: decision.summary, withheldLines: withheldLines(decision.summary), sectionsWithheld };
  return { document: { ...stored, document: { ...stored.document, title }, tlp: marking, sections }, sharing, decision };
}

/** Record a print or export of a prepared output in the disclosure register, after it was written or handed over. */
export function recordDocumentDisclosure(context: CoreContext, prepared: PreparedOutput, channel: DisclosureChannel, path: string | null = null): void {
  recordDisclosure(context, { output: 'preweegdocument', channel, audience: prepared.sharing.audience, decision: prepared.decision, path });
}

/**
 * A fact's code may have changed since the version was composed; the marking is computed from the
 * code it has now, so the line that shows the code beside the fact (as composed, "TLP:AMBER]") is
 * brought up to date too: each item carries its own current code, and none a code the page's
 * marking does not cover.
 */
function withCurrentCodes(sections: SectionTexts, factLines: readonly FactLine[], going: readonly SharedFact[]): SectionTexts {
  const codeOf = new Map(going.map((fact) => [factKey(fact.ref), shownCode(fact)]));
  const result = { ...sections };
  for (const line of factLines) {
    const current = codeOf.get(factKey(line.ref));
    const shown = /TLP:([A-Z+]+)\]/.exec(line.text)?.[1];
    if (!current || !shown || shown === current) continue;
    const part = line.part as PreweegSection;
    const lines = result[part].split('\n');
    const index = lines.findIndex((candidate) => candidate.trimEnd() === line.text.trimEnd());
    if (index === -1) continue;
    lines[index] = line.text.replace(`TLP:${shown}]`, `TLP:${current}]`);
    result[part] = lines.join('\n');
  }
  return result;
}

function uniqueRefs(refs: FactRef[]): FactRef[] {
  const seen = new Map<string, FactRef>();
  for (const ref of refs) if (!seen.has(factKey(ref))) seen.set(factKey(ref), ref);
  return [...seen.values()];
}

/**
 * The verantwoording for this output: each line the regime wrote at composing is written afresh
 * where it still stands as composed (a line the user rewrote is theirs and stays). What this output
 * left out is always said: appended when the composed lines are no longer there to replace.
 */
function refreshVerantwoording(text: string, composed: RegimeLines | null, fresh: RegimeLines): string {
  let lines = text.split('\n');
  let weggelatenPlaced = false;
  if (composed) {
    lines = lines.map((line) => (line === composed.grondslag ? fresh.grondslag : line === composed.behandelcode ? fresh.behandelcode : line));
    lines = replaceRun(lines, composed.verstrektAan, fresh.verstrektAan) ?? lines;
    if (composed.weggelaten.length > 0) {
      const replaced = replaceRun(lines, composed.weggelaten, fresh.weggelaten);
      if (replaced) {
        lines = replaced;
        weggelatenPlaced = true;
      }
    }
  }
  if (!weggelatenPlaced && fresh.weggelaten.length > 0) lines.push('', ...fresh.weggelaten);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/** `lines` with the run `from` (found as written) replaced by `to`; null when the run is not there. */
function replaceRun(lines: string[], from: readonly string[], to: readonly string[]): string[] | null {
  if (from.length === 0) return null;
  for (let start = 0; start + from.length <= lines.length; start++) {
    if (from.every((line, offset) => lines[start + offset] === line)) return [...lines.slice(0, start), ...to, ...lines.slice(start + from.length)];
  }
  return null;
}

const allWithheld = (): SectionTexts => Object.fromEntries(PREWEEG_SECTIONS.map((section) => [section, PART_WITHHELD_NOTICE])) as SectionTexts;
