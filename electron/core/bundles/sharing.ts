import type { ExportRecipient } from '../../../shared/api/bundles';
import type { Audience, FactRef, SharingOverride, WithheldFact, WithholdReason } from '../../../shared/domain/sharing';
import type { CoreContext } from '../kernel/context';
import { shownCode, strictestCode, type SharedFact, type SharingDecision } from '../sharing/policy';
import { decideForOutput, factKey, loadFacts } from '../sharing/regime';
import type { OutgoingItem } from './collect';

/**
 * A bundle under the sharing regime (docs/sharing-regime.md): its audience is its recipients, each
 * known by a key (an address-book card names the organisation and the person; a bare age key names
 * nobody), or whoever holds the passphrase. The regime decides per item; this module only makes the
 * decision fit the bundle's structure, which the regime does not know: a signal cannot travel
 * without its dossier, a dossier link without its subject, a subject without one of its links.
 */

export function bundleAudience(recipients: readonly ExportRecipient[], passphrase: boolean): Audience {
  if (passphrase) return { kind: 'passphrase' };
  return {
    kind: 'recipients',
    members: recipients.map((recipient) => ({ organisation: recipient.organisationCode, person: recipient.name, verified: recipient.verified })),
  };
}

/**
 * The regime's decision over everything the selection holds, made consistent: an item whose
 * dossier or subject stays behind stays too, with the reasons of what it hangs on. `going` and the
 * summary then describe exactly what the bundle carries.
 */
export function decideBundle(context: CoreContext, candidates: readonly OutgoingItem[], audience: Audience, override: SharingOverride | null | undefined): SharingDecision {
  const facts = loadFacts(
    context,
    candidates.map(({ kind, id }) => ({ kind, id })),
  );
  const decision = decideForOutput(context, facts, audience, override, { viaKey: true });
  const factByKey = new Map(facts.map((fact) => [factKey(fact.ref), fact]));
  const reasonsOf = new Map<string, WithholdReason[]>(decision.summary.withheld.map((fact) => [factKey(fact.ref), fact.reasons]));
  const going = new Set(decision.going.map((fact) => factKey(fact.ref)));

  // Until nothing changes: an item loses its place when something it needs is gone.
  const dependents: WithheldFact[] = [];
  const drop = (item: OutgoingItem, because: readonly FactRef[]) => {
    const key = factKey(item);
    const reasons = [...new Set(because.flatMap((ref) => reasonsOf.get(factKey(ref)) ?? []))];
    going.delete(key);
    reasonsOf.set(key, reasons);
    const fact = factByKey.get(key);
    if (fact) dependents.push({ ref: fact.ref, dossierId: fact.dossierId, label: fact.label, tlp: fact.tlp, reasons });
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const item of candidates) {
      if (!going.has(factKey(item))) continue;
      const missing = item.requires.filter((ref) => !going.has(factKey(ref)));
      const orphan = item.requiresAny !== undefined && !item.requiresAny.some((ref) => going.has(factKey(ref)));
      if (missing.length > 0 || orphan) {
        drop(item, missing.length > 0 ? missing : item.requiresAny!);
        changed = true;
      }
    }
  }

  const goingFacts: SharedFact[] = decision.going.filter((fact) => going.has(factKey(fact.ref)));
  const withheld = [...decision.summary.withheld, ...dependents];
  const withheldCounts: Partial<Record<WithholdReason, number>> = {};
  for (const fact of withheld) for (const reason of fact.reasons) withheldCounts[reason] = (withheldCounts[reason] ?? 0) + 1;
  const overridden = decision.summary.overridden.filter((fact) => going.has(factKey(fact.ref)));
  return {
    going: goingFacts,
    summary: {
      marking: strictestCode(goingFacts.map(shownCode)),
      withheld,
      withheldCounts,
      overridden,
      overrideReason: overridden.length > 0 ? decision.summary.overrideReason : null,
    },
  };
}
