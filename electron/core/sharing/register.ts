import type { TlpCode } from '../../../shared/domain/enums';
import type { Audience, Disclosure, DisclosureChannel, DisclosureOutput, FactRef, WithholdReason } from '../../../shared/domain/sharing';
import type { CoreContext } from '../kernel/context';
import { factKey } from './facts';
import type { SharingDecision } from './policy';

/**
 * The disclosure register (verstrekkingen): every output that left the vault, what went, to whom,
 * how, on which bases, and what was overridden with which reason. It is not a table of its own: each
 * disclosure is one `disclosure.recorded` entry in the hash-chained audit trail, and the register is
 * read back from those entries (through the audit_disclosures index), so the two cannot disagree.
 */

export interface DisclosureRecord {
  output: DisclosureOutput;
  channel: DisclosureChannel;
  audience: Audience;
  decision: SharingDecision;
  path?: string | null;
}

/** Record one disclosure, in the caller's transaction. Call it with the decision the output was made from, after the output was written. */
export function recordDisclosure(context: CoreContext, { output, channel, audience, decision, path = null }: DisclosureRecord): void {
  const dossierIds = [...new Set(decision.going.map((fact) => fact.dossierId).filter((id): id is number => id !== null))];
  const numbers = context.db
    .prepare('SELECT id, number FROM dossiers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY year, sequence')
    .all(JSON.stringify(dossierIds)) as Array<{
    id: number;
    number: string;
  }>;
  const bases = [...new Set(decision.going.map((fact) => fact.receivedUnder).filter((basis): basis is string => basis !== null))].sort();
  context.audit('disclosure.recorded', {
    output,
    channel,
    audience,
    marking: decision.summary.marking,
    dossiers: numbers,
    items: decision.going.map((fact) => ({ kind: fact.ref.kind, id: fact.ref.id, dossierId: fact.dossierId })),
    withheld: decision.summary.withheld.length,
    withheldCounts: decision.summary.withheldCounts,
    overridden: decision.summary.overridden.map((fact) => fact.ref),
    overrideReason: decision.summary.overrideReason,
    bases,
    path,
  });
}

interface DisclosureDetails {
  output: DisclosureOutput;
  channel: DisclosureChannel;
  audience: Audience;
  marking: TlpCode;
  dossiers: Array<{ id: number; number: string }>;
  items: Array<FactRef & { dossierId: number | null }>;
  withheld: number;
  withheldCounts: Partial<Record<WithholdReason, number>>;
  overridden: FactRef[];
  overrideReason: string | null;
  bases: string[];
}

function toDisclosure(row: { id: number; occurred_at: string; actor: string; details: string }, dossierId: number | null): Disclosure {
  const details = JSON.parse(row.details) as DisclosureDetails;
  // A dossier's register counts its own items only; subject records belong to no one dossier.
  const items = details.items.filter((item) => dossierId === null || item.dossierId === dossierId);
  return {
    auditId: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    output: details.output,
    channel: details.channel,
    audience: details.audience,
    marking: details.marking,
    dossiers: details.dossiers,
    items: items.map(({ kind, id }) => ({ kind, id })),
    withheld: details.withheld,
    overridden: details.overridden,
    overrideReason: details.overrideReason,
    bases: details.bases,
  };
}

/** The register, newest first: of one dossier (the items about it), or of the whole vault. */
export function listDisclosures(context: CoreContext, dossierId: number | null = null): Disclosure[] {
  const rows =
    dossierId === null
      ? context.db.prepare(`SELECT id, occurred_at, actor, details FROM audit_log WHERE action = 'disclosure.recorded' ORDER BY id DESC`).all()
      : context.db
          .prepare(
            `SELECT id, occurred_at, actor, details FROM audit_log
              WHERE action = 'disclosure.recorded' AND id IN (SELECT audit_id FROM audit_disclosures WHERE dossier_id = ?) ORDER BY id DESC`,
          )
          .all(dossierId);
  return (rows as Array<{ id: number; occurred_at: string; actor: string; details: string }>).map((row) => toDisclosure(row, dossierId));
}

/** Per fact: the disclosures it went out in, oldest first. For the access request's "aan wie verstrekt". */
export function disclosuresOfFacts(context: CoreContext, refs: readonly FactRef[]): Map<string, Disclosure[]> {
  const result = new Map<string, Disclosure[]>();
  if (refs.length === 0) return result;
  const rows = context.db
    .prepare(
      `SELECT a.id, a.occurred_at, a.actor, a.details, d.kind, d.item_id FROM audit_disclosures d JOIN audit_log a ON a.id = d.audit_id
        WHERE (d.kind, d.item_id) IN (SELECT json_extract(value, '$.kind'), json_extract(value, '$.id') FROM json_each(?)) ORDER BY a.id`,
    )
    .all(JSON.stringify(refs)) as Array<{ id: number; occurred_at: string; actor: string; details: string; kind: FactRef['kind']; item_id: number }>;
  for (const row of rows) {
    const key = factKey({ kind: row.kind, id: row.item_id });
    result.set(key, [...(result.get(key) ?? []), toDisclosure(row, null)]);
  }
  return result;
}
