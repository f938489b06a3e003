import type { TlpCode } from '../../../shared/domain/enums';
import type { Audience, SharingOverride, SharingSummary, WithheldFact, WithholdReason } from '../../../shared/domain/sharing';
import type { CoreContext } from '../kernel/context';
import { resolveAudience } from './audience';
import { factKey } from './facts';
import { decideSharing, type SharedFact, type SharingDecision } from './policy';

/**
 * The one entry every output takes: the facts it would show, the audience it is for, and the user's
 * override if any. The output shows `going` and nothing else, prints `summary.marking` on every page,
 * says what `summary.withheld` left out and why (shared/i18n/sharing.ts), and after writing calls
 * recordDisclosure with this decision.
 *
 * Options: `viaKey`: the audience are bundle recipients known by age keys (a key identifies its
 * holder only once compared in person). `floor`: the lowest marking the output may carry, for one
 * whose own text is sensitive beyond its facts (an access request prints whom it is about).
 */
export function decideForOutput(
  context: CoreContext,
  facts: readonly SharedFact[],
  audience: Audience,
  override?: SharingOverride | null,
  { viaKey = false, floor }: { viaKey?: boolean; floor?: TlpCode } = {},
): SharingDecision {
  return decideSharing(facts, resolveAudience(context, audience, viaKey), override, floor);
}

export { recordDisclosure } from './register';
export { dossierFacts, loadFacts, factKey } from './facts';

/**
 * An output made from a text composed earlier (a preweegdocument version) says what the composing
 * left out as well as what the output itself leaves out: the reader should learn both. A fact
 * counts once, with the reasons of its latest decision.
 */
export function withEarlierWithheld(summary: SharingSummary, earlier: SharingSummary): SharingSummary {
  const byKey = new Map<string, WithheldFact>();
  for (const fact of [...earlier.withheld, ...summary.withheld]) byKey.set(factKey(fact.ref), fact);
  const going = new Set(summary.overridden.map((fact) => factKey(fact.ref)));
  const withheld = [...byKey.entries()].filter(([key]) => !going.has(key)).map(([, fact]) => fact);
  const withheldCounts: Partial<Record<WithholdReason, number>> = {};
  for (const fact of withheld) for (const reason of fact.reasons) withheldCounts[reason] = (withheldCounts[reason] ?? 0) + 1;
  return { ...summary, withheld, withheldCounts };
}
