import type { OmittedItem, ProtectedInclusion, SectionTexts } from '../../../shared/api/documents';
import type { SubjectDetails } from '../../../shared/api/subject-details';
import {
  TLP_CODES,
  type DossierStatus,
  type HowReceived,
  type InformationGrade,
  type MeasureKind,
  type Partner,
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
  PARTNER_LABELS_NL,
  SUBJECT_ROLE_LABELS_NL,
  SUBJECT_TYPE_LABELS_NL,
} from '../../../shared/domain/labels-nl';
import { formatDutchDate } from '../../../shared/domain/validation';
import { today, type CoreContext } from '../kernel/context';
import { requireDossier, toDossierSummaries } from '../dossiers/dossier-records';
import { dossierLinksOfDossier } from '../dossiers/links';
import { listMeasures } from '../dossiers/measures';

/** What a composed draft is: the section texts, its handling code, and what was left out. */
export interface ComposedDraft {
  title: string;
  tlp: TlpCode;
  sections: SectionTexts;
  omitted: OmittedItem[];
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
  origin: Partner | null;
  summary: string;
  description: string | null;
  location: string | null;
  phenomenon: string | null;
}

interface NoteFact extends Weighing {
  noted_on: string;
  body: string;
  partner: Partner | null;
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

/** Strictest first: a document carries the strictest handling code of what it contains. */
function stricter(a: TlpCode, b: TlpCode): TlpCode {
  return TLP_CODES.indexOf(a) <= TLP_CODES.indexOf(b) ? a : b;
}

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

/**
 * A preweegdocument draft from the dossier's facts, in its ten sections (PREWEEG_SECTIONS). Every fact
 * carries its grading and handling code. The reporter's identity, BSNs and internal notes stay out
 * unless `include` says otherwise; a signal whose reporter the user marked as not protected shows
 * it. What was left out is counted in `omitted` and named in the verantwoording.
 */
export function composePreweegDraft(context: CoreContext, dossierId: number, include: ProtectedInclusion): ComposedDraft {
  const row = requireDossier(context, dossierId);
  const dossier = toDossierSummaries(context, [row])[0]!;
  const partners = context.db.prepare('SELECT partner FROM dossier_partners WHERE dossier_id = ? ORDER BY partner').pluck().all(dossierId) as Partner[];
  const signals = context.db
    .prepare(
      `SELECT s.id, s.received_on, s.how_received, s.reporter_name, s.reporter_contact, s.reporter_protected, s.origin, s.summary,
              s.description, s.location, s.source_grade, s.information_grade, s.tlp, p.label AS phenomenon
         FROM signals s LEFT JOIN phenomena p ON p.id = s.phenomenon_id
        WHERE s.dossier_id = ? AND s.deleted_at IS NULL ORDER BY s.received_on, s.id`,
    )
    .all(dossierId) as SignalFact[];
  const notes = context.db
    .prepare(
      `SELECT noted_on, body, partner, internal, source_grade, information_grade, tlp FROM dossier_notes
        WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY noted_on, id`,
    )
    .all(dossierId) as NoteFact[];
  const links = dossierLinksOfDossier(context, dossierId);
  const detailsOf = new Map(
    (
      context.db.prepare('SELECT id, details FROM subjects WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(links.map((link) => link.subjectId))) as Array<{
        id: number;
        details: string;
      }>
    ).map((subject) => [subject.id, JSON.parse(subject.details) as SubjectDetails]),
  );
  const measures = listMeasures(context, dossierId);

  let tlp = dossier.tlp;
  const counted: Record<OmittedItem['kind'], number> = { reporter: 0, bsn: 0, internalNotes: 0 };
  const phenomena = dossier.phenomena.map((phenomenon) => phenomenon.label);

  // 1. Kop
  const kop = [
    `Onderwerp: ${dossier.title}`,
    `Dossier: ${dossier.number}`,
    `Status dossier: ${DOSSIER_STATUS_LABELS_NL[dossier.status as DossierStatus]}`,
    `Opsteller: ${context.actor}`,
    `Datum opgesteld: ${date(today(context))}`,
  ].join('\n');

  // 2. Aanleiding
  const aanleiding: string[] = [];
  if (signals.length === 0) aanleiding.push('Er zijn geen signalen aan dit dossier gekoppeld.');
  else aanleiding.push(`Dit dossier is gebaseerd op ${signals.length === 1 ? 'één signaal' : `${signals.length} signalen`}:`, '');
  for (const signal of signals) {
    tlp = stricter(tlp, signal.tlp);
    const from = signal.origin ? `, van ${PARTNER_LABELS_NL[signal.origin]}` : '';
    aanleiding.push(`- ${date(signal.received_on)}, ${HOW_RECEIVED_LABELS_NL[signal.how_received].toLowerCase()}${from}: ${oneLine(signal.summary)} ${gradingText(signal)}`);
    const hasReporter = Boolean(signal.reporter_name || signal.reporter_contact);
    if (hasReporter && (include.reporter || signal.reporter_protected === 0)) {
      aanleiding.push(`  Melder: ${[signal.reporter_name, signal.reporter_contact].filter(Boolean).join(', ')}`);
    } else if (hasReporter) counted.reporter++;
  }

  // 3. Probleembeschrijving
  const dates = signals.map((signal) => signal.received_on).sort();
  const places = [...new Set(signals.map((signal) => signal.location).filter((place): place is string => Boolean(place)))];
  const probleem = [
    row.summary ? oneLine(row.summary) : '[Beschrijf wat er wordt vermoed.]',
    '',
    `- Fenomeen: ${phenomena.length > 0 ? phenomena.join(', ') : 'nog niet vastgesteld'}`,
    `- Omvang: ${signals.length} ${signals.length === 1 ? 'signaal' : 'signalen'}, ${links.filter((link) => !link.protected).length} betrokken subjecten en objecten, ${notes.filter((note) => !note.internal).length} feiten van partners en eigen diensten`,
    `- Periode: ${dates.length > 0 ? `${date(dates[0]!)} tot en met ${date(dates.at(-1)!)}` : `sinds ${date(dossier.openedOn)}`}`,
    `- Gebied: ${places.length > 0 ? places.join('; ') : 'nog niet vastgesteld'}`,
  ].join('\n');

  // 4. Betrokken subjecten en objecten
  const betrokkenen: string[] = [];
  const byType = new Map<SubjectType, string[]>();
  for (const link of links) {
    if (link.protected && !include.reporter) {
      counted.reporter++;
      continue;
    }
    tlp = stricter(tlp, link.tlp);
    const details = detailsOf.get(link.subjectId);
    const extra = details ? subjectDetailText(details, include.bsn) : { text: '', bsnLeftOut: false };
    if (extra.bsnLeftOut) counted.bsn++;
    const period = link.validFrom || link.validUntil ? `, ${link.validFrom ? date(link.validFrom) : '…'} – ${link.validUntil ? date(link.validUntil) : '…'}` : '';
    const line = `- ${link.subject.label}${extra.text ? ` (${extra.text})` : ''}: ${SUBJECT_ROLE_LABELS_NL[link.role as SubjectRole].toLowerCase()}${period}${link.source ? `, bron: ${link.source}` : ''} ${gradingText({ source_grade: link.sourceGrade, information_grade: link.informationGrade, tlp: link.tlp })}`;
    byType.set(link.subject.type, [...(byType.get(link.subject.type) ?? []), line]);
  }
  for (const [type, lines] of byType) betrokkenen.push(`${SUBJECT_TYPE_LABELS_NL[type]}:`, ...lines, '');
  if (betrokkenen.length === 0) betrokkenen.push('Er zijn nog geen subjecten of objecten aan dit dossier gekoppeld.');

  // 5. Beschikbare informatie per partner
  const byPartner = new Map<string, string[]>();
  for (const note of notes) {
    if (note.internal && !include.internalNotes) {
      counted.internalNotes++;
      continue;
    }
    tlp = stricter(tlp, note.tlp);
    const key = note.partner ? PARTNER_LABELS_NL[note.partner] : 'Gemeente (eigen waarneming)';
    byPartner.set(key, [...(byPartner.get(key) ?? []), `- ${date(note.noted_on)}: ${oneLine(note.body)} ${gradingText(note)}${note.internal ? ' (intern)' : ''}`]);
  }
  const informatie: string[] = [];
  for (const [partner, lines] of byPartner) informatie.push(`${partner}:`, ...lines, '');
  if (informatie.length === 0) informatie.push('Er zijn nog geen feiten van partners vastgelegd.');

  // 6. Informatielacunes
  const knownFrom = new Set(notes.filter((note) => note.partner).map((note) => note.partner));
  const silentPartners = partners.filter((partner) => !knownFrom.has(partner));
  const unjudged = [...signals, ...notes].filter((fact) => fact.source_grade === 'X' || fact.information_grade === 4).length;
  const lacunes = [
    ...silentPartners.map((partner) => `- Van ${PARTNER_LABELS_NL[partner]} is nog geen informatie vastgelegd.`),
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
    for (const measure of own) {
      tlp = stricter(tlp, measure.tlp);
      const who = measure.partner ? `, ${PARTNER_LABELS_NL[measure.partner]}` : '';
      const what = measure.description ? `: ${oneLine(measure.description)}` : '';
      perspectives.push(`- ${MEASURE_KIND_LABELS_NL[measure.kind]} (${MEASURE_STAGE_LABELS_NL[measure.stage].toLowerCase()}${who})${what} [TLP:${measure.tlp}]`);
    }
    if (own.length === 0) perspectives.push(`- [Mogelijkheden: ${PERSPECTIVE_HINTS[perspective]}]`);
    perspectives.push('');
  }
  perspectives.push('Barrièremodel (welke partner kan per stap een barrière opwerpen?):', ...BARRIER_STEPS.map((step) => `- ${step}: [partner en barrière]`));

  // 9, 10
  const forumOf = (status: DossierStatus) => (['preweeg_akkoord', 'stuurploeg'].includes(status) ? 'de districtelijke stuurploeg' : 'de lokale driehoek');
  const forum = forumOf(dossier.status);
  const omitted = (Object.entries(counted) as Array<[OmittedItem['kind'], number]>).filter(([, count]) => count > 0).map(([kind, count]) => ({ kind, count }));
  const verantwoording = [
    `- Grondslag: ${row.legal_basis ?? 'Convenant RIEC Oost-Nederland; Wet gegevensverwerking door samenwerkingsverbanden (Wgs)'}`,
    `- Doel: ${row.purpose ?? 'Integrale aanpak van ondermijning: beoordelen of een gezamenlijke aanpak nodig is'}`,
    `- Bewaartermijn: ${row.retention_until ? `tot ${date(row.retention_until)}` : 'volgens de bewaartermijn van het dossier'}`,
    `- Behandelcode: TLP:${tlp}`,
    '- Verstrekt aan: [namen en organisaties van wie een exemplaar ontving]',
    ...(omitted.length > 0 ? ['', 'Weggelaten beschermde gegevens:', ...omitted.map(omittedLine)] : []),
  ].join('\n');

  return {
    title: `Preweegdocument ${dossier.number} – ${dossier.title}`.slice(0, 200),
    tlp,
    omitted,
    sections: {
      kop,
      aanleiding: aanleiding.join('\n'),
      probleembeschrijving: probleem,
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
