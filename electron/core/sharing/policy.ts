import { TLP_CODES, type TlpCode } from '../../../shared/domain/enums';
import type {
  AudienceMember,
  FactRef,
  OrganisationCategory,
  SharingOverride,
  SharingSummary,
  UseRestriction,
  WithheldFact,
  WithholdReason,
} from '../../../shared/domain/sharing';

/**
 * The sharing regime: for a set of facts and an audience, what may go, what stays, and the marking
 * of the result. Every output of the vault (bundles, preweegdocument, agenda and verslag, signal
 * sheet, access request, reports, attachments saved or opened elsewhere) asks this module and
 * nothing else. Pure: the facts and the audience arrive resolved (sharing/facts.ts,
 * sharing/audience.ts), so the rule can be tested as the table it is (docs/sharing-regime.md).
 *
 * Sources: FIRST TLP 2.0 (2022); AVG art. 10 with UAVG art. 33 (criminal-law personal data outside
 * public bodies only with a specific basis); DOMAIN.md, "TLP 2.0 depends on who set the code".
 */

/** A fact as the regime weighs it. `originatorCategory` null: the supplier is unknown (or not in the organisation list). */
export interface SharedFact {
  ref: FactRef;
  dossierId: number | null;
  label: string;
  tlp: TlpCode;
  originator: string | null;
  originatorCategory: OrganisationCategory | null;
  receivedUnder: string | null;
  restriction: UseRestriction;
  /** Criminal-law personal data (AVG art. 10): see sharing/facts.ts for how a fact is judged so. */
  criminalLaw: boolean;
  /**
   * The subject records a link's line names (it shows their labels: a name, a RED account's IBAN).
   * The link goes only if they may go too, and the output's marking counts their codes.
   */
  named?: SharedFact[];
}

/**
 * An audience member with the category of its organisation (null: no organisation, or one not in the
 * list). `viaKey`: a bundle recipient, known by an age key, which identifies its holder only once it
 * was compared in person (`verified`); meeting participants and print audiences are named people.
 */
export interface ResolvedMember extends AudienceMember {
  category: OrganisationCategory | null;
  viaKey: boolean;
}

export type ResolvedAudience = { kind: 'internal' } | { kind: 'passphrase' } | { kind: 'recipients'; members: ResolvedMember[] };

/** A passphrase bundle goes to whoever holds the passphrase: an organisation and a person nobody can name. */
const UNKNOWN_HOLDER: ResolvedMember = { organisation: null, person: null, verified: false, category: null, viaKey: true };

/** The municipality itself: its departments are one organisation for TLP 2.0. */
const isOwn = (category: OrganisationCategory | null): boolean => category === 'gemeentelijke_dienst';
/** Public bodies (own departments included) may receive criminal-law data on their statutory basis; private parties and unknown recipients may not. */
const isPublicBody = (category: OrganisationCategory | null): boolean => category !== null && category !== 'private_partij';

/** Whether the recipient is identified: a named organisation, and for a key one compared in person. */
const isIdentified = (member: ResolvedMember): boolean => member.category !== null && (!member.viaKey || member.verified);
/**
 * Whether the recipient is inside the municipality. A key's card can claim any organisation; only a
 * compared key makes that claim count, or an unverified key named "handhaving" would receive what
 * stays within the municipality.
 */
const isInside = (member: ResolvedMember): boolean => isOwn(member.category) && isIdentified(member);
/** Giving a fact back to the organisation that supplied it discloses nothing to anyone new. */
const isSupplier = (fact: SharedFact, member: ResolvedMember): boolean => fact.originator !== null && member.organisation === fact.originator && isIdentified(member);
const isNamedPerson = (member: ResolvedMember): boolean => member.person !== null && member.person.trim() !== '';

/**
 * TLP 2.0 for one recipient. The originator matters for the two strictest codes: a partner's RED and
 * AMBER+STRICT were given to the municipality and stop there (AMBER+STRICT may go back to that partner); the
 * municipality's own may go to the named person (RED) or the organisation (AMBER+STRICT) the user
 * chooses, if the recipient is identified (for bundles: a key compared in person).
 */
function tlpReason(fact: SharedFact, member: ResolvedMember): WithholdReason | null {
  const identified = isIdentified(member);
  switch (fact.tlp) {
    case 'CLEAR':
      return null;
    case 'GREEN':
      // The community, and any organisation AMBER may reach (a less restricted code never reaches
      // fewer): any organisation we can name. Not a holder nobody can place.
      return member.category !== null ? null : 'tlp_green';
    case 'AMBER':
      // The recipient organisation and its clients: any organisation we can name.
      return member.category !== null ? null : 'tlp_amber';
    case 'AMBER+STRICT':
      if (isInside(member) || isSupplier(fact, member)) return null;
      return isOwn(fact.originatorCategory) && identified ? null : 'tlp_amber_strict';
    case 'RED':
      // A partner's RED stays with the people it was given to, even towards the partner's own colleagues.
      return isOwn(fact.originatorCategory) && identified && isNamedPerson(member) ? null : 'tlp_red';
  }
}

/** The supplier's restriction for one recipient. Giving a fact back to its own supplier is never a further disclosure. */
function restrictionReason(fact: SharedFact, member: ResolvedMember): WithholdReason | null {
  if (isInside(member) || isSupplier(fact, member)) return null;
  switch (fact.restriction) {
    case 'vrij':
      return null;
    case 'geen_besluit_zonder_toestemming':
      // Partners in the convenant and other public bodies weigh it with the supplier; a private party or an unknown holder could act on it alone.
      return isPublicBody(member.category) ? null : 'restriction';
    case 'niet_verder_verstrekken':
      return 'restriction';
    case 'vraag_leverancier':
      return 'restriction_unknown';
  }
}

/** Every reason `fact` may not go to `audience`; empty when it may. */
export function reasonsToWithhold(fact: SharedFact, audience: ResolvedAudience): WithholdReason[] {
  if (audience.kind === 'internal') return [];
  // Recipients nobody named are nobody in particular, like a passphrase's holder.
  const members = audience.kind === 'passphrase' || audience.members.length === 0 ? [UNKNOWN_HOLDER] : audience.members;
  const reasons = new Set<WithholdReason>();
  for (const member of members) {
    const tlp = tlpReason(fact, member);
    if (tlp) reasons.add(tlp);
    const restriction = restrictionReason(fact, member);
    if (restriction) reasons.add(restriction);
    if (fact.criminalLaw && !isPublicBody(member.category) && !isSupplier(fact, member)) reasons.add('art10');
  }
  return [...reasons];
}

export interface SharingDecision {
  /** What goes: the allowed facts and the overridden ones, in the order given. */
  going: SharedFact[];
  summary: SharingSummary;
}

const withheldFact = (fact: SharedFact, reasons: WithholdReason[]): WithheldFact => ({ ref: fact.ref, dossierId: fact.dossierId, label: fact.label, tlp: fact.tlp, reasons });
const sameRef = (a: FactRef, b: FactRef): boolean => a.kind === b.kind && a.id === b.id;

/**
 * The decision for one output. An override lets withheld facts go (all of them, or those it lists)
 * with a reason the register keeps. The marking is the strictest code of what goes and of `floor`
 * (the output's own text), never lower: CLEAR for an output with nothing in it and no floor.
 */
export function decideSharing(facts: readonly SharedFact[], audience: ResolvedAudience, override?: SharingOverride | null, floor?: TlpCode): SharingDecision {
  const going: SharedFact[] = [];
  const withheld: WithheldFact[] = [];
  const overridden: WithheldFact[] = [];
  const withheldCounts: Partial<Record<WithholdReason, number>> = {};
  for (const fact of facts) {
    const reasons = [...new Set([fact, ...(fact.named ?? [])].flatMap((part) => reasonsToWithhold(part, audience)))];
    if (reasons.length === 0) {
      going.push(fact);
    } else if (override && (override.items === undefined || override.items.some((ref) => sameRef(ref, fact.ref)))) {
      going.push(fact);
      overridden.push(withheldFact(fact, reasons));
    } else {
      withheld.push(withheldFact(fact, reasons));
      for (const reason of reasons) withheldCounts[reason] = (withheldCounts[reason] ?? 0) + 1;
    }
  }
  return {
    going,
    summary: {
      marking: strictestCode([...going.map(shownCode), ...(floor ? [floor] : [])]),
      withheld,
      withheldCounts,
      overridden,
      overrideReason: overridden.length > 0 ? override!.reason : null,
    },
  };
}

/** The code a fact's line carries: its own, or that of a subject it names when that is stricter. */
export function shownCode(fact: SharedFact): TlpCode {
  return strictestCode([fact.tlp, ...(fact.named ?? []).map((subject) => subject.tlp)]);
}

/** The strictest of the codes (RED before AMBER+STRICT before ... CLEAR); CLEAR for none. */
export function strictestCode(codes: Iterable<TlpCode>): TlpCode {
  let index = TLP_CODES.length - 1;
  for (const code of codes) index = Math.min(index, TLP_CODES.indexOf(code));
  return TLP_CODES[index]!;
}
