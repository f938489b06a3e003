import type { MeetingOutput, MeetingOutputItem } from '../../../shared/api/meetings';
import type { Audience, FactRef, SharingOverride } from '../../../shared/domain/sharing';
import { withheldLines } from '../../../shared/i18n/sharing';
import type { CoreContext } from '../kernel/context';
import { describeAudience, organisationNames } from '../sharing/audience';
import { PART_WITHHELD_NOTICE, redactComposedParts, type FactLine } from '../sharing/composed-text';
import { shownCode, strictestCode, type SharedFact, type SharingDecision } from '../sharing/policy';
import { decideForOutput, factKey, loadFacts } from '../sharing/regime';
import { itemFactRefs, itemMainRef, type ItemFactsRow } from './item-facts';
import { getMeeting, meetingAudience, previousMeetingDate } from './meetings';
import { draftMaterial } from './summary';

export interface DecidedMeeting {
  output: MeetingOutput;
  /** What went, for the register: the facts the output actually shows. */
  decision: SharingDecision;
}

/**
 * The agenda or verslag of a meeting for one audience, through the sharing regime: the screen's
 * preview, the print and the PDF (app and CLI) are all made from this.
 *
 * Per item its facts (its dossier or signal, and the facts its drafted text was written from) are
 * decided together for the audience. An item whose own dossier or signal may not go is left out
 * whole; otherwise the lines of withheld facts are taken out of its text (a text edited since
 * drafting that held one is left out with a notice). A fact that no longer exists loses its line
 * too: nothing can vouch for it any more.
 *
 * The marking is the strictest code of what goes, and never below the meeting's own code, which
 * covers what the meeting adds itself (participants, decisions, actions).
 */
export function decideMeeting(
  context: CoreContext,
  meetingId: number,
  part: 'agenda' | 'verslag',
  chosenAudience?: Audience,
  override?: SharingOverride | null,
): DecidedMeeting {
  const meeting = getMeeting(context, meetingId);
  const audience = chosenAudience ?? meetingAudience(meeting.participants);
  const rows = new Map(
    (context.db.prepare('SELECT id, dossier_id, signal_id, fact_lines FROM meeting_items WHERE meeting_id = ?').all(meetingId) as Array<ItemFactsRow & { id: number }>).map(
      (row) => [row.id, row],
    ),
  );
  const refsOf = new Map(meeting.items.map((item) => [item.id, itemFactRefs(rows.get(item.id)!)]));
  // A dossier's draft left out what its participants then could not have; weighing that material
  // again lets the output say what it leaves out, also when the audience is not the participants.
  const materialOf = new Map(
    meeting.items.map((item) => [
      item.id,
      item.dossier ? draftMaterial(context, item.dossier.id, previousMeetingDate(context, item.dossier.id, meeting.heldOn), false).candidates : [],
    ]),
  );
  const allRefs = dedupe([...[...refsOf.values()].flat(), ...[...materialOf.values()].flat()]);
  const facts = loadFacts(context, allRefs);
  const decided = decideForOutput(context, facts, audience, override);
  const goingByKey = new Map(decided.going.map((fact) => [factKey(fact.ref), fact]));
  const found = new Set(facts.map((fact) => factKey(fact.ref)));
  const factsByKey = new Map(facts.map((fact) => [factKey(fact.ref), fact]));
  const withheldKeys = new Set(decided.summary.withheld.map((fact) => factKey(fact.ref)));

  const shown: SharedFact[] = [];
  const items: MeetingOutputItem[] = [];
  let itemsLeftOut = 0;
  for (const item of meeting.items) {
    const row = rows.get(item.id)!;
    const main = goingByKey.get(factKey(itemMainRef(row)));
    if (!main) {
      itemsLeftOut++;
      continue;
    }
    const refs = refsOf.get(item.id)!;
    const notGoing: FactRef[] = refs.filter((ref) => !goingByKey.has(factKey(ref)) || !found.has(factKey(ref)));
    const factLines = JSON.parse(row.fact_lines) as FactLine[];
    const redacted = redactComposedParts({ [item.id]: item.summary }, factLines, notGoing);
    // A text drafted before the regime kept no lines, and a user may copy a fact in by hand: a
    // withheld fact of the dossier that still shows in the text keeps the text back whole.
    const stillThere = materialOf.get(item.id)!.some((ref) => withheldKeys.has(factKey(ref)) && mentions(redacted.parts[item.id]!, factsByKey.get(factKey(ref))!));
    if (stillThere && redacted.partsWithheld.length === 0) redacted.parts[item.id] = PART_WITHHELD_NOTICE;
    const summaryWithheld = redacted.partsWithheld.length > 0 || stillThere;
    // A text left out whole shows none of its facts; otherwise every fact of the item that goes is in it.
    const itemFacts = summaryWithheld ? [main] : refs.map((ref) => goingByKey.get(factKey(ref))).filter((fact): fact is SharedFact => fact !== undefined);
    shown.push(...itemFacts);
    items.push({
      itemId: item.id,
      number: items.length + 1,
      title: item.dossier ? `${item.dossier.number} ${item.dossier.title}` : `Signaal: ${item.signal!.summary}`,
      tlp: strictestCode(itemFacts.map(shownCode)),
      summary: redacted.parts[item.id]!,
      summaryWithheld,
      outcome: part === 'verslag' ? item.outcome : null,
      recognisedBy: part === 'verslag' ? item.recognisedBy : [],
      decisions: part === 'verslag' ? item.decisions : null,
      actions: part === 'verslag' ? item.actions : [],
    });
  }
  const going = dedupeFacts(shown);
  const marking = strictestCode([meeting.tlp, ...going.map(shownCode)]);
  const summary = { ...decided.summary, marking };
  const notIncluded = [
    ...withheldLines(summary, 'nl'),
    ...(itemsLeftOut > 0
      ? [`${itemsLeftOut === 1 ? '1 agendapunt' : `${itemsLeftOut} agendapunten`} helemaal weggelaten: het dossier of signaal zelf mag niet naar deze ontvangers.`]
      : []),
  ];
  return {
    output: {
      meetingId: meeting.id,
      part,
      kind: meeting.kind,
      title: meeting.title,
      heldOn: meeting.heldOn,
      place: meeting.place,
      marking,
      audience,
      audienceText: describeAudience(audience, organisationNames(context)),
      participants: meeting.participants,
      items,
      itemsLeftOut,
      summary,
      notIncluded,
    },
    decision: { going, summary },
  };
}

/**
 * Whether a text still names a fact: a note's or signal's own words (as far as the label has
 * them), a linked subject's name, another dossier's number. Case and spacing do not matter.
 */
function mentions(text: string, fact: SharedFact): boolean {
  const words = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  let probe: string;
  switch (fact.ref.kind) {
    case 'dossier-link':
      probe = fact.label.slice(0, fact.label.lastIndexOf(': ') >= 0 ? fact.label.lastIndexOf(': ') : undefined);
      break;
    case 'dossier':
      probe = fact.label.split(' ')[0]!;
      break;
    default:
      probe = fact.label.replace(/…$/, '');
  }
  probe = words(probe);
  return probe.length >= 3 && words(text).includes(probe);
}

function dedupe(refs: FactRef[]): FactRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(factKey(ref)) && seen.add(factKey(ref)));
}

function dedupeFacts(facts: SharedFact[]): SharedFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => !seen.has(factKey(fact.ref)) && seen.add(factKey(fact.ref)));
}
