import type { OmittedItem, PreweegSection, ProtectedInclusion, SectionTexts } from '../../../shared/api/documents';
import type { SubjectDetails } from '../../../shared/api/subject-details';
import {
  type DossierStatus,
  type HowReceived,
  type InformationGrade,
  type MeasureKind,
  type SourceGrade,
  type SubjectRole,
  type SubjectType,
  type TlpCode,
} from '../../../shared/domain/enums';
import {
  DOSSIER_STATUS_LABELS_NL,
  HOW_RECEIVED_LABELS_NL,
  MEASURE_KIND_LABELS_NL,
  MEASURE_STAGE_LABELS_NL,
  SUBJECT_ROLE_LABELS_NL,
  SUBJECT_TYPE_LABELS_NL,
} from '../../../shared/domain/labels-nl';
import type { Audience, FactKind, FactRef, SharingOverride } from '../../../shared/domain/sharing';
import { DISCLOSURE_CHANNEL_LABELS, DISCLOSURE_OUTPUT_LABELS, withheldLines } from '../../../shared/i18n/sharing';
import { formatDutchDate, localIsoDate } from '../../../shared/domain/validation';
import { today, type CoreContext } from '../kernel/context';
import { requireDossier, toDossierSummaries } from '../dossiers/dossier-records';
import { dossierLinksOfDossier } from '../dossiers/links';
import { listMeasures } from '../dossiers/measures';
import { describeAudience, organisationNames } from '../sharing/audience';
import type { FactLine } from '../sharing/composed-text';
import { legalBasisLabels } from '../sharing/organisations';
import type { SharingDecision } from '../sharing/policy';
import { decideForOutput, dossierFacts, factKey } from '../sharing/regime';
import { listDisclosures } from '../sharing/register';

/**
 * The lines of the verantwoording that depend on who an output is for, exactly as composed. Each
 * output for another audience writes them afresh where the user left them as they were.
 */
export interface RegimeLines {
  grondslag: string;
  behandelcode: string;
  verstrektAan: string[];
  weggelaten: string[];
}

/** What a composed draft is: the section texts, its handling code, what was left out, and which line came from which fact. */
export interface ComposedDraft {
  title: string;
  tlp: TlpCode;
  sections: SectionTexts;
  omitted: OmittedItem[];
  factLines: FactLine[];
  regimeLines: RegimeLines;
  decision: SharingDecision;
}

interface Weighing {
  source_grade: SourceGrade;
  information_grade: InformationGrade;
  tlp: TlpCode;
}

interface SignalFact extends Weighing {
  id: number;
  received_on: string;
  how_received: HowReceived;
  reporter_name: string | null;
  reporter_contact: string | null;
  reporter_protected: number;
  origin: string | null;
  summary: string;
  description: string | null;
  location: string | null;
  phenomenon: string | null;
}

interface NoteFact extends Weighing {
  id: number;
  noted_on: string;
  body: string;
  partner: string | null;
  internal: number;
}

/** The four kinds of handelingsperspectief a preweegdocument groups measures by, and where each belongs. */
const PERSPECTIVES = ['bestuurlijk', 'strafrechtelijk', 'fiscaal', 'zorg'] as const;
type Perspective = (typeof PERSPECTIVES)[number];
const PERSPECTIVE_TITLES: Record<Perspective, string> = {
  bestuurlijk: 'Bestuurlijk (gemeente)',
  strafrechtelijk: 'Strafrechtelijk (politie, Openbaar Ministerie)',
  fiscaal: 'Fiscaal (Belastingdienst, FIOD)',
  zorg: 'Zorg en sociaal (sociaal domein, hulpverlening)',
};
const PERSPECTIVE_OF: Record<MeasureKind, Perspective> = {
  bibob_toets: 'bestuurlijk',
  opiumwet_13b_waarschuwing: 'bestuurlijk',
  opiumwet_13b_last_onder_dwangsom: 'bestuurlijk',
  opiumwet_13b_sluiting: 'bestuurlijk',
  gemeentewet_174a: 'bestuurlijk',
  vergunning_geweigerd_of_ingetrokken: 'bestuurlijk',
  bestuurlijke_handhaving: 'bestuurlijk',
  stopgesprek: 'bestuurlijk',
  huisbezoek: 'bestuurlijk',
  integrale_controle: 'bestuurlijk',
  overig: 'bestuurlijk',
  aangifte: 'strafrechtelijk',
  opsporingsonderzoek: 'strafrechtelijk',
  fiscale_actie: 'fiscaal',
  afpakken_vermogen: 'fiscaal',
  zorg_hulpverlening: 'zorg',
  exit: 'zorg',
  schuldhulp: 'zorg',
};
const PERSPECTIVE_HINTS: Record<Perspective, string> = {
  bestuurlijk: 'Bibob-toets, art. 13b Opiumwet, art. 174a Gemeentewet, vergunning weigeren of intrekken, handhaving, stopgesprek, integrale controle',
  strafrechtelijk: 'aangifte, opsporingsonderzoek',
  fiscaal: 'fiscale controle, afpakken van crimineel vermogen',
  zorg: 'hulpverlening, exit, schuldhulp',
};
const BARRIER_STEPS = ['Toegang', 'Huisvesting', 'Identiteit', 'Arbeid', 'Financiën'];

export function gradingText(fact: Weighing): string {
  return `[bron ${fact.source_grade}, informatie ${fact.information_grade}, TLP:${fact.tlp}]`;
}

const date = (iso: string | null): string => (iso ? formatDutchDate(iso) : 'onbekend');
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** The details of a subject a reader needs, with the BSN only when included. */
function subjectDetailText(details: SubjectDetails, includeBsn: boolean): { text: string; bsnLeftOut: boolean } {
  const parts: string[] = [];
  let bsnLeftOut = false;
  if (details.type === 'person') {
    if (details.birthDate) parts.push(`geboren ${date(details.birthDate)}`);
    if (details.bsn) {
      if (includeBsn) parts.push(`BSN ${details.bsn}`);
      else bsnLeftOut = true;
    }
  } else if (details.type === 'organisation') {
    if (details.kvkNumber) parts.push(`KvK ${details.kvkNumber}`);
    if (details.vestigingsnummer) parts.push(`vestiging ${details.vestigingsnummer}`);
  } else if (details.type === 'address') {
    if (details.use) parts.push(`gebruik: ${details.use}`);
  } else if (details.type === 'vehicle') {
    if (details.description) parts.push(details.description);
  } else if (details.type === 'bank_account') {
    if (details.holderName) parts.push(`t.n.v. ${details.holderName}`);
  }
  return { text: parts.join(', '), bsnLeftOut };
}

/** The fact kinds a preweegdocument shows; attachments and subject–subject links are not in it, so they are not weighed for it either. */
export const PREWEEG_FACT_KINDS: readonly FactKind[] = ['dossier', 'signal', 'dossier-link', 'note', 'measure'];

/** The heading above the regime's "what was left out" lines in the verantwoording. */
export const WITHHELD_HEADING = 'Weggelaten volgens de verstrekkingsregels:';

/**
 * The verantwoording's lines that depend on the output: the legal bases of the facts that went
 * (grouped, by label; the dossier's own basis if it records one; never a basis nobody recorded),
 * the marking, the earlier disclosures from the register, and what the regime left out.
 */
export function regimeLines(context: CoreContext, dossierId: number, decision: SharingDecision, marking: TlpCode): RegimeLines {
  const dossierBasis = context.db.prepare('SELECT legal_basis FROM dossiers WHERE id = ?').pluck().get(dossierId) as string | null;
  const labels = legalBasisLabels(context);
  const counts = new Map<string, number>();
  for (const fact of decision.going) if (fact.receivedUnder !== null) counts.set(fact.receivedUnder, (counts.get(fact.receivedUnder) ?? 0) + 1);
  const bases = [...counts].map(([code, count]) => `${labels.get(code) ?? code} (${count === 1 ? '1 gegeven' : `${count} gegevens`})`);
  if (dossierBasis && dossierBasis.trim() !== '') bases.push(`${oneLine(dossierBasis)} (dossier)`);
  const names = organisationNames(context);
  const earlier = listDisclosures(context, dossierId)
    .reverse()
    .map(
      (disclosure) =>
        `  ${formatDutchDate(localIsoDate(new Date(disclosure.occurredAt)))}: ${describeAudience(disclosure.audience, names)} (${DISCLOSURE_OUTPUT_LABELS.nl[disclosure.output]}, ${DISCLOSURE_CHANNEL_LABELS.nl[disclosure.channel]})`,
    );
  const withheld = withheldLines(decision.summary);
  return {
    grondslag: `- Grondslag: ${bases.length > 0 ? bases.join('; ') : '[grondslag invullen]'}`,
    behandelcode: `- Behandelcode: TLP:${marking}`,
    verstrektAan: earlier.length > 0 ? ['- Verstrekt aan:', ...earlier] : ['- Verstrekt aan: nog aan niemand'],
    weggelaten: withheld.length > 0 ? [WITHHELD_HEADING, ...withheld.map((line) => `- ${line}`)] : [],
  };
}

/** Collects a section's lines, and for each line a fact wrote, which fact it was. */
class SectionWriter {
  readonly factLines: FactLine[] = [];
  constructor(private readonly going: ReadonlySet<string>) {}

  goes(ref: FactRef): boolean {
    return this.going.has(factKey(ref));
  }

  /** `text` as the line of `ref` in `part`, when that fact goes; answers whether it was written. */
  line(lines: string[], part: PreweegSection, ref: FactRef, text: string): boolean {
    if (!this.goes(ref)) return false;
    lines.push(text);
    this.factLines.push({ ref, part, text });
    return true;
  }
}

/**
 * A preweegdocument draft from the dossier's facts, in its ten sections (PREWEEG_SECTIONS), for an
 * audience: only the facts the sharing regime lets go to it are written, each with its grading and
 * handling code, and each line a fact wrote is recorded (`factLines`) so that an output for a
 * stricter audience can take it out again. The reporter's identity, BSNs and internal notes stay
 * out unless `include` says otherwise; a signal whose reporter the user marked as not protected
 * shows it. What was left out is counted (`omitted`, and the regime's summary) and named in the
 * verantwoording.
 */
export function composePreweegDraft(
  context: CoreContext,
  dossierId: number,
  include: ProtectedInclusion,
  audience: Audience,
  override?: SharingOverride | null,
): ComposedDraft {
  const row = requireDossier(context, dossierId);
  const dossier = toDossierSummaries(context, [row])[0]!;
  const names = organisationNames(context);
  const nameOf = (code: string): string => names.get(code) ?? code;
  const partners = context.db.prepare('SELECT partner FROM dossier_partners WHERE dossier_id = ? ORDER BY partner').pluck().all(dossierId) as string[];
  const signals = context.db
    .prepare(
      `SELECT s.id, s.received_on, s.how_received, s.reporter_name, s.reporter_contact, s.reporter_protected, s.origin, s.summary,
              s.description, s.location, s.source_grade, s.information_grade, s.tlp, p.label AS phenomenon
         FROM signals s LEFT JOIN phenomena p ON p.id = s.phenomenon_id
        WHERE s.dossier_id = ? AND s.deleted_at IS NULL ORDER BY s.received_on, s.id`,
    )
    .all(dossierId) as SignalFact[];
  const allNotes = context.db
    .prepare(
      `SELECT id, noted_on, body, partner, internal, source_grade, information_grade, tlp FROM dossier_notes
        WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY noted_on, id`,
    )
    .all(dossierId) as NoteFact[];
  const allLinks = dossierLinksOfDossier(context, dossierId);
  const measures = listMeasures(context, dossierId);

  // The protections come first: what they keep out is not in the document for anyone, so it is not weighed either.
  const counted: Record<OmittedItem['kind'], number> = { reporter: 0, bsn: 0, internalNotes: 0 };
  const notes = allNotes.filter((note) => {
    if (note.internal && !include.internalNotes) counted.internalNotes++;
    else return true;
    return false;
  });
  const links = allLinks.filter((link) => {
    if (link.protected && !include.reporter) counted.reporter++;
    else return true;
    return false;
  });
  const shown = new Set<string>([
    factKey({ kind: 'dossier', id: dossierId }),
    ...signals.map((signal) => factKey({ kind: 'signal', id: signal.id })),
    ...notes.map((note) => factKey({ kind: 'note', id: note.id })),
    ...links.map((link) => factKey({ kind: 'dossier-link', id: link.id })),
    ...measures.map((measure) => factKey({ kind: 'measure', id: measure.id })),
  ]);
  const facts = dossierFacts(context, dossierId, PREWEEG_FACT_KINDS).filter((fact) => shown.has(factKey(fact.ref)));
  const decision = decideForOutput(context, facts, audience, override);
  const writer = new SectionWriter(new Set(decision.going.map((fact) => factKey(fact.ref))));
  const dossierRef: FactRef = { kind: 'dossier', id: dossierId };
  const signalsGoing = signals.filter((signal) => writer.goes({ kind: 'signal', id: signal.id }));
  const notesGoing = notes.filter((note) => writer.goes({ kind: 'note', id: note.id }));
  const linksGoing = links.filter((link) => writer.goes({ kind: 'dossier-link', id: link.id }));
  const phenomena = dossier.phenomena.map((phenomenon) => phenomenon.label);

  // 1. Kop
  const kop: string[] = [];
  writer.line(kop, 'kop', dossierRef, `Onderwerp: ${dossier.title}`);
  kop.push(`Dossier: ${dossier.number}`);
  writer.line(kop, 'kop', dossierRef, `Status dossier: ${DOSSIER_STATUS_LABELS_NL[dossier.status as DossierStatus]}`);
  kop.push(`Opsteller: ${context.actor}`, `Datum opgesteld: ${date(today(context))}`);

  // 2. Aanleiding
  const aanleiding: string[] = [];
  if (signalsGoing.length === 0) aanleiding.push('Er zijn geen signalen aan dit dossier gekoppeld die naar deze ontvangers mogen.');
  else aanleiding.push(`Dit dossier is gebaseerd op ${signalsGoing.length === 1 ? 'één signaal' : `${signalsGoing.length} signalen`}:`, '');
  for (const signal of signalsGoing) {
    const ref: FactRef = { kind: 'signal', id: signal.id };
    const from = signal.origin ? `, van ${nameOf(signal.origin)}` : '';
    writer.line(
      aanleiding,
      'aanleiding',
      ref,
      `- ${date(signal.received_on)}, ${HOW_RECEIVED_LABELS_NL[signal.how_received].toLowerCase()}${from}: ${oneLine(signal.summary)} ${gradingText(signal)}`,
    );
    const hasReporter = Boolean(signal.reporter_name || signal.reporter_contact);
    if (hasReporter && (include.reporter || signal.reporter_protected === 0)) {
      writer.line(aanleiding, 'aanleiding', ref, `  Melder: ${[signal.reporter_name, signal.reporter_contact].filter(Boolean).join(', ')}`);
    } else if (hasReporter) counted.reporter++;
  }

  // 3. Probleembeschrijving: the counts and the period describe what the document holds, so they are taken from what goes.
  const dates = signalsGoing.map((signal) => signal.received_on).sort();
  const probleem: string[] = [];
  if (!row.summary || !writer.line(probleem, 'probleembeschrijving', dossierRef, oneLine(row.summary))) probleem.push('[Beschrijf wat er wordt vermoed.]');
  probleem.push(
    '',
    `- Fenomeen: ${phenomena.length > 0 ? phenomena.join(', ') : 'nog niet vastgesteld'}`,
    `- Omvang: ${signalsGoing.length} ${signalsGoing.length === 1 ? 'signaal' : 'signalen'}, ${linksGoing.length} ${linksGoing.length === 1 ? 'betrokken subject of object' : 'betrokken subjecten en objecten'}, ${notesGoing.length} ${notesGoing.length === 1 ? 'feit' : 'feiten'} van partners en eigen diensten`,
    `- Periode: ${dates.length > 0 ? `${date(dates[0]!)} tot en met ${date(dates.at(-1)!)}` : `sinds ${date(dossier.openedOn)}`}`,
  );
  // One place a line, each from the first signal that names it: an output that leaves that signal out takes the place out with it.
  const places = new Map<string, number>();
  for (const signal of signalsGoing) if (signal.location && !places.has(signal.location)) places.set(signal.location, signal.id);
  if (places.size === 0) probleem.push('- Gebied: nog niet vastgesteld');
  else {
    probleem.push('- Gebied:');
    for (const [place, signalId] of places) writer.line(probleem, 'probleembeschrijving', { kind: 'signal', id: signalId }, `  ${oneLine(place)}`);
  }

  // 4. Betrokken subjecten en objecten
  const betrokkenen: string[] = [];
  const detailsOf = new Map(
    (
      context.db
        .prepare('SELECT id, details FROM subjects WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(linksGoing.map((link) => link.subjectId))) as Array<{
        id: number;
        details: string;
      }>
    ).map((subject) => [subject.id, JSON.parse(subject.details) as SubjectDetails]),
  );
  const byType = new Map<SubjectType, Array<{ ref: FactRef; text: string }>>();
  for (const link of linksGoing) {
    const details = detailsOf.get(link.subjectId);
    const extra = details ? subjectDetailText(details, include.bsn) : { text: '', bsnLeftOut: false };
    if (extra.bsnLeftOut) counted.bsn++;
    const period = link.validFrom || link.validUntil ? `, ${link.validFrom ? date(link.validFrom) : '…'} – ${link.validUntil ? date(link.validUntil) : '…'}` : '';
    const text = `- ${link.subject.label}${extra.text ? ` (${extra.text})` : ''}: ${SUBJECT_ROLE_LABELS_NL[link.role as SubjectRole].toLowerCase()}${period}${link.source ? `, bron: ${link.source}` : ''} ${gradingText({ source_grade: link.sourceGrade, information_grade: link.informationGrade, tlp: link.tlp })}`;
    byType.set(link.subject.type, [...(byType.get(link.subject.type) ?? []), { ref: { kind: 'dossier-link', id: link.id }, text }]);
  }
  for (const [type, lines] of byType) {
    betrokkenen.push(`${SUBJECT_TYPE_LABELS_NL[type]}:`);
    for (const line of lines) writer.line(betrokkenen, 'betrokkenen', line.ref, line.text);
    betrokkenen.push('');
  }
  if (betrokkenen.length === 0) betrokkenen.push('Er zijn nog geen subjecten of objecten aan dit dossier gekoppeld die naar deze ontvangers mogen.');

  // 5. Beschikbare informatie per partner
  const byPartner = new Map<string, Array<{ ref: FactRef; text: string }>>();
  for (const note of notesGoing) {
    const key = note.partner ? nameOf(note.partner) : 'Gemeente (eigen waarneming)';
    const text = `- ${date(note.noted_on)}: ${oneLine(note.body)} ${gradingText(note)}${note.internal ? ' (intern)' : ''}`;
    byPartner.set(key, [...(byPartner.get(key) ?? []), { ref: { kind: 'note', id: note.id }, text }]);
  }
  const informatie: string[] = [];
  for (const [partner, lines] of byPartner) {
    informatie.push(`${partner}:`);
    for (const line of lines) writer.line(informatie, 'informatie_per_partner', line.ref, line.text);
    informatie.push('');
  }
  if (informatie.length === 0) informatie.push('Er zijn nog geen feiten van partners vastgelegd die naar deze ontvangers mogen.');

  // 6. Informatielacunes
  // A partner whose facts this audience may not see has still given information: saying it has not would be untrue.
  const knownFrom = new Set(allNotes.filter((note) => note.partner).map((note) => note.partner));
  const silentPartners = partners.filter((partner) => !knownFrom.has(partner));
  const unjudged = [...signalsGoing, ...notesGoing].filter((fact) => fact.source_grade === 'X' || fact.information_grade === 4).length;
  const lacunes = [
    ...silentPartners.map((partner) => `- Van ${nameOf(partner)} is nog geen informatie vastgelegd.`),
    ...(unjudged > 0
      ? [`- ${unjudged} ${unjudged === 1 ? 'feit is' : 'feiten zijn'} niet te beoordelen (bron X of informatie 4) en ${unjudged === 1 ? 'vraagt' : 'vragen'} om bevestiging.`]
      : []),
    '- [Wat is onbekend, en welke partner zou het kunnen weten?]',
  ].join('\n');

  // 7. Handelingsperspectieven per partner
  const perspectives: string[] = [];
  for (const perspective of PERSPECTIVES) {
    const own = measures.filter((measure) => PERSPECTIVE_OF[measure.kind] === perspective);
    perspectives.push(`${PERSPECTIVE_TITLES[perspective]}:`);
    let written = 0;
    for (const measure of own) {
      const who = measure.partner ? `, ${nameOf(measure.partner)}` : '';
      const what = measure.description ? `: ${oneLine(measure.description)}` : '';
      const text = `- ${MEASURE_KIND_LABELS_NL[measure.kind]} (${MEASURE_STAGE_LABELS_NL[measure.stage].toLowerCase()}${who})${what} [TLP:${measure.tlp}]`;
      if (writer.line(perspectives, 'handelingsperspectieven', { kind: 'measure', id: measure.id }, text)) written++;
    }
    if (written === 0) perspectives.push(`- [Mogelijkheden: ${PERSPECTIVE_HINTS[perspective]}]`);
    perspectives.push('');
  }
  perspectives.push('Barrièremodel (welke partner kan per stap een barrière opwerpen?):', ...BARRIER_STEPS.map((step) => `- ${step}: [partner en barrière]`));

  // 9, 10
  const forumOf = (status: DossierStatus) => (['preweeg_akkoord', 'stuurploeg'].includes(status) ? 'de districtelijke stuurploeg' : 'de lokale driehoek');
  const forum = forumOf(dossier.status);
  const omitted = (Object.entries(counted) as Array<[OmittedItem['kind'], number]>).filter(([, count]) => count > 0).map(([kind, count]) => ({ kind, count }));
  const marking = decision.summary.marking;
  const regime = regimeLines(context, dossierId, decision, marking);
  const verantwoording = [
    regime.grondslag,
    `- Doel: ${row.purpose ?? 'Integrale aanpak van ondermijning: beoordelen of een gezamenlijke aanpak nodig is'}`,
    `- Bewaartermijn: ${row.retention_until ? `tot ${date(row.retention_until)}` : 'volgens de bewaartermijn van het dossier'}`,
    regime.behandelcode,
    `- Opgesteld voor: ${describeAudience(audience, names)}`,
    ...regime.verstrektAan,
    ...(omitted.length > 0 ? ['', 'Weggelaten beschermde gegevens:', ...omitted.map(omittedLine)] : []),
    ...(regime.weggelaten.length > 0 ? ['', ...regime.weggelaten] : []),
  ].join('\n');

  return {
    title: `Preweegdocument ${dossier.number} – ${dossier.title}`.slice(0, 200),
    tlp: marking,
    omitted,
    factLines: writer.factLines,
    regimeLines: regime,
    decision,
    sections: {
      kop: kop.join('\n'),
      aanleiding: aanleiding.join('\n'),
      probleembeschrijving: probleem.join('\n'),
      betrokkenen: trimEnd(betrokkenen),
      informatie_per_partner: trimEnd(informatie),
      informatielacunes: lacunes,
      handelingsperspectieven: perspectives.join('\n'),
      eerste_advies: '[Eerste advies voor een integrale aanpak: welke interventies, door welke partners, in welke volgorde.]',
      gevraagd_besluit: `${forum[0]!.toUpperCase()}${forum.slice(1)} wordt gevraagd:\n- in te stemmen met een integrale aanpak van dit dossier;\n- [aan te geven welke partners deelnemen en wie de regie voert].`,
      verantwoording,
    },
  };
}

export function omittedLine(item: OmittedItem): string {
  switch (item.kind) {
    case 'reporter':
      return `- Identiteit van de melder (${item.count}×)`;
    case 'bsn':
      return `- BSN van ${item.count} ${item.count === 1 ? 'persoon' : 'personen'}`;
    case 'internalNotes':
      return `- ${item.count} interne ${item.count === 1 ? 'notitie' : 'notities'}`;
  }
}

function trimEnd(lines: string[]): string {
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}
