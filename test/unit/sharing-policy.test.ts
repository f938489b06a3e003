import { describe, expect, it } from 'vitest';
import type { TlpCode } from '../../shared/domain/enums';
import type { OrganisationCategory, UseRestriction, WithholdReason } from '../../shared/domain/sharing';
import { decideSharing, reasonsToWithhold, type ResolvedAudience, type ResolvedMember, type SharedFact } from '../../electron/core/sharing/policy';

/**
 * The sharing regime as a table. Each expectation below was written out by hand from TLP 2.0
 * (FIRST, 2022), AVG art. 10 and the supplier's use restriction, not computed from the policy: a
 * change to the rule has to change a row here.
 */

const member = (organisation: string | null, category: OrganisationCategory | null, person: string | null = null, viaKey = false, verified = false): ResolvedMember => ({
  organisation,
  category,
  person,
  viaKey,
  verified,
});

const AUDIENCES = {
  namedPerson: { kind: 'recipients', members: [member('politie', 'convenantpartner', 'J. de Vries')] },
  convenantPartner: { kind: 'recipients', members: [member('politie', 'convenantpartner')] },
  internalDepartment: { kind: 'recipients', members: [member('gemeente_handhaving', 'gemeentelijke_dienst')] },
  privateParty: { kind: 'recipients', members: [member('woningcorporatie', 'private_partij')] },
  passphrase: { kind: 'passphrase' },
} as const satisfies Record<string, ResolvedAudience>;
type AudienceName = keyof typeof AUDIENCES;
const AUDIENCE_ORDER: AudienceName[] = ['namedPerson', 'convenantPartner', 'internalDepartment', 'privateParty', 'passphrase'];

const ORIGINATORS = {
  own: { originator: 'gemeente_vergunningen', originatorCategory: 'gemeentelijke_dienst' },
  partner: { originator: 'uwv', originatorCategory: 'convenantpartner' },
} as const;

function fact(tlp: TlpCode, from: keyof typeof ORIGINATORS, restriction: UseRestriction = 'vrij', criminalLaw = false): SharedFact {
  return { ref: { kind: 'note', id: 1 }, dossierId: 1, label: 'feit', tlp, ...ORIGINATORS[from], receivedUnder: null, restriction, criminalLaw };
}

/** TLP alone (restriction free, not art. 10 data). "go", or the reason that keeps the fact back. Columns in AUDIENCE_ORDER. */
const TLP_TABLE: ReadonlyArray<[TlpCode, keyof typeof ORIGINATORS, ...Array<'go' | WithholdReason>]> = [
  //                      named person   convenant partner    internal dept       private party       passphrase
  ['CLEAR', 'own', 'go', 'go', 'go', 'go', 'go'],
  ['CLEAR', 'partner', 'go', 'go', 'go', 'go', 'go'],
  ['GREEN', 'own', 'go', 'go', 'go', 'go', 'tlp_green'],
  ['GREEN', 'partner', 'go', 'go', 'go', 'go', 'tlp_green'],
  ['AMBER', 'own', 'go', 'go', 'go', 'go', 'tlp_amber'],
  ['AMBER', 'partner', 'go', 'go', 'go', 'go', 'tlp_amber'],
  ['AMBER+STRICT', 'own', 'go', 'go', 'go', 'go', 'tlp_amber_strict'],
  ['AMBER+STRICT', 'partner', 'tlp_amber_strict', 'tlp_amber_strict', 'go', 'tlp_amber_strict', 'tlp_amber_strict'],
  ['RED', 'own', 'go', 'tlp_red', 'tlp_red', 'tlp_red', 'tlp_red'],
  ['RED', 'partner', 'tlp_red', 'tlp_red', 'tlp_red', 'tlp_red', 'tlp_red'],
];

/** The supplier's restriction alone (a CLEAR fact from a partner that is not in the audience). */
const RESTRICTION_TABLE: ReadonlyArray<[UseRestriction, ...Array<'go' | WithholdReason>]> = [
  ['vrij', 'go', 'go', 'go', 'go', 'go'],
  ['geen_besluit_zonder_toestemming', 'go', 'go', 'go', 'restriction', 'restriction'],
  ['niet_verder_verstrekken', 'restriction', 'restriction', 'go', 'restriction', 'restriction'],
  ['vraag_leverancier', 'restriction_unknown', 'restriction_unknown', 'go', 'restriction_unknown', 'restriction_unknown'],
];

/** Criminal-law personal data alone (CLEAR, free): public bodies yes, private parties and unknown holders no. */
const ART10_ROW: ReadonlyArray<'go' | WithholdReason> = ['go', 'go', 'go', 'art10', 'art10'];

describe('the sharing regime, as a table', () => {
  for (const [tlp, from, ...expected] of TLP_TABLE) {
    AUDIENCE_ORDER.forEach((audience, column) => {
      it(`TLP:${tlp} from ${from} to ${audience}: ${expected[column]}`, () => {
        const reasons = reasonsToWithhold(fact(tlp, from), AUDIENCES[audience]);
        expect(reasons).toEqual(expected[column] === 'go' ? [] : [expected[column]]);
      });
    });
  }
  for (const [restriction, ...expected] of RESTRICTION_TABLE) {
    AUDIENCE_ORDER.forEach((audience, column) => {
      it(`restriction ${restriction} to ${audience}: ${expected[column]}`, () => {
        expect(reasonsToWithhold(fact('CLEAR', 'partner', restriction), AUDIENCES[audience])).toEqual(expected[column] === 'go' ? [] : [expected[column]]);
      });
    });
  }
  AUDIENCE_ORDER.forEach((audience, column) => {
    it(`art. 10 data to ${audience}: ${ART10_ROW[column]}`, () => {
      expect(reasonsToWithhold(fact('CLEAR', 'own', 'vrij', true), AUDIENCES[audience])).toEqual(ART10_ROW[column] === 'go' ? [] : [ART10_ROW[column]]);
    });
  });

  it('combines the three: every code × originator × audience × restriction, with art. 10 data, gives the union of the reasons of each table', () => {
    let cases = 0;
    for (const [tlp, from, ...tlpRow] of TLP_TABLE) {
      for (const [restriction, ...restrictionRow] of RESTRICTION_TABLE) {
        for (const criminalLaw of [false, true]) {
          AUDIENCE_ORDER.forEach((audience, column) => {
            const expected = new Set([tlpRow[column], restrictionRow[column], criminalLaw ? ART10_ROW[column] : 'go'].filter((value) => value !== 'go'));
            expect(
              new Set(reasonsToWithhold(fact(tlp, from, restriction, criminalLaw), AUDIENCES[audience])),
              `${tlp} ${from} ${restriction} ${criminalLaw} ${audience}`,
            ).toEqual(expected);
            cases++;
          });
        }
      }
    }
    expect(cases).toBe(10 * 4 * 2 * 5);
  });

  it('never lets a stricter code reach an audience that a less strict one cannot reach', () => {
    const codes = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
    for (const from of ['own', 'partner'] as const) {
      for (const audience of AUDIENCE_ORDER) {
        const goes = codes.map((tlp) => reasonsToWithhold(fact(tlp, from), AUDIENCES[audience]).length === 0);
        // Once a code is held back, every stricter one is too.
        const firstHeld = goes.indexOf(false);
        if (firstHeld >= 0) expect(goes.slice(firstHeld), `${from} → ${audience}`).not.toContain(true);
      }
    }
  });

  it('lets everything go for the user’s own use inside the municipality', () => {
    for (const [tlp, from] of TLP_TABLE)
      for (const [restriction] of RESTRICTION_TABLE) expect(reasonsToWithhold(fact(tlp, from, restriction, true), { kind: 'internal' })).toEqual([]);
  });

  it('gives a fact back to its own supplier despite a restriction or AMBER+STRICT, but not a partner’s RED', () => {
    const toSupplier: ResolvedAudience = { kind: 'recipients', members: [member('uwv', 'convenantpartner')] };
    const toNamedPersonAtSupplier: ResolvedAudience = { kind: 'recipients', members: [member('uwv', 'convenantpartner', 'K. Visser')] };
    expect(reasonsToWithhold(fact('AMBER', 'partner', 'niet_verder_verstrekken'), toSupplier)).toEqual([]);
    expect(reasonsToWithhold(fact('AMBER+STRICT', 'partner'), toSupplier)).toEqual([]);
    expect(reasonsToWithhold(fact('RED', 'partner'), toSupplier)).toEqual(['tlp_red']);
    expect(reasonsToWithhold(fact('RED', 'partner'), toNamedPersonAtSupplier)).toEqual(['tlp_red']);
  });

  it('does not take an unverified key’s word that it belongs to the municipality', () => {
    const claimsToBeHandhaving: ResolvedAudience = { kind: 'recipients', members: [member('gemeente_handhaving', 'gemeentelijke_dienst', 'A. Jansen', true, false)] };
    const comparedHandhaving: ResolvedAudience = { kind: 'recipients', members: [member('gemeente_handhaving', 'gemeentelijke_dienst', 'A. Jansen', true, true)] };
    expect(reasonsToWithhold(fact('AMBER+STRICT', 'partner'), claimsToBeHandhaving)).toEqual(['tlp_amber_strict']);
    expect(reasonsToWithhold(fact('CLEAR', 'partner', 'niet_verder_verstrekken'), claimsToBeHandhaving)).toEqual(['restriction']);
    expect(reasonsToWithhold(fact('AMBER+STRICT', 'partner', 'niet_verder_verstrekken'), comparedHandhaving)).toEqual([]);
  });

  it('identifies a bundle recipient by a compared key only: own AMBER+STRICT and RED need a verified key', () => {
    const unverified: ResolvedAudience = { kind: 'recipients', members: [member('politie', 'convenantpartner', 'J. de Vries', true, false)] };
    const verified: ResolvedAudience = { kind: 'recipients', members: [member('politie', 'convenantpartner', 'J. de Vries', true, true)] };
    expect(reasonsToWithhold(fact('AMBER+STRICT', 'own'), unverified)).toEqual(['tlp_amber_strict']);
    expect(reasonsToWithhold(fact('AMBER+STRICT', 'own'), verified)).toEqual([]);
    expect(reasonsToWithhold(fact('RED', 'own'), unverified)).toEqual(['tlp_red']);
    expect(reasonsToWithhold(fact('RED', 'own'), verified)).toEqual([]);
    expect(reasonsToWithhold(fact('AMBER', 'own'), unverified)).toEqual([]);
  });

  it('treats a member whose organisation is unknown as outside the community', () => {
    const unknown: ResolvedAudience = { kind: 'recipients', members: [member(null, null, 'Iemand')] };
    expect(reasonsToWithhold(fact('GREEN', 'own'), unknown)).toEqual(['tlp_green']);
    expect(reasonsToWithhold(fact('AMBER', 'own'), unknown)).toEqual(['tlp_amber']);
  });

  it('holds a fact back when one member of a mixed audience may not have it', () => {
    const casustafel: ResolvedAudience = { kind: 'recipients', members: [member('politie', 'convenantpartner', 'A'), member('woningcorporatie', 'private_partij', 'B')] };
    expect(reasonsToWithhold(fact('AMBER', 'own', 'vrij', true), casustafel)).toEqual(['art10']);
  });
});

describe('a decision for one output', () => {
  const facts = [
    { ...fact('GREEN', 'own'), ref: { kind: 'signal', id: 1 } },
    { ...fact('RED', 'partner'), ref: { kind: 'note', id: 2 } },
    { ...fact('AMBER+STRICT', 'partner'), ref: { kind: 'note', id: 3 } },
  ] satisfies SharedFact[];

  it('marks the output with the strictest code of what goes, and counts what stays per reason', () => {
    const decision = decideSharing(facts, AUDIENCES.convenantPartner);
    expect(decision.going.map((fact) => fact.ref.id)).toEqual([1]);
    expect(decision.summary.marking).toBe('GREEN');
    expect(decision.summary.withheldCounts).toEqual({ tlp_red: 1, tlp_amber_strict: 1 });
    expect(decision.summary.overrideReason).toBeNull();
  });

  it('lets an override send the listed facts, with the reason, and marks the output by them', () => {
    const decision = decideSharing(facts, AUDIENCES.convenantPartner, { reason: 'Toestemming politie, mail 3 dec', items: [{ kind: 'note', id: 3 }] });
    expect(decision.going.map((fact) => fact.ref.id)).toEqual([1, 3]);
    expect(decision.summary.marking).toBe('AMBER+STRICT');
    expect(decision.summary.overridden.map((fact) => fact.ref)).toEqual([{ kind: 'note', id: 3 }]);
    expect(decision.summary.withheld.map((fact) => fact.ref)).toEqual([{ kind: 'note', id: 2 }]);
    expect(decision.summary.overrideReason).toBe('Toestemming politie, mail 3 dec');
  });

  it('marks an empty output CLEAR and an internal one by its strictest fact', () => {
    expect(decideSharing([], AUDIENCES.privateParty).summary.marking).toBe('CLEAR');
    expect(decideSharing(facts, { kind: 'internal' }).summary.marking).toBe('RED');
  });
});
