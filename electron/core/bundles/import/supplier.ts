import type { OrganisationCategory, Provenance, UseRestriction } from '../../../../shared/domain/sharing';
import type { CoreContext } from '../../kernel/context';
import { organisationCategories } from '../../sharing/audience';

/**
 * Who supplied an imported fact (its provenance under the sharing regime), from what the bundle
 * says about it and who sent the bundle:
 *
 * - the bundle names a supplier: kept, but a department of the sender's own municipality (the
 *   category `gemeentelijke_dienst` in this vault's list) is, seen from here, the sender's
 *   organisation: another municipality's own RED must not become this one's own RED;
 * - a supplier or basis this vault's lists do not know is recorded as unknown, not guessed;
 * - the bundle says nothing (written before the regime): the sender supplied it, on terms nobody
 *   recorded, so `vraag_leverancier`. A partner's AMBER+STRICT note imported from the police thus
 *   stays within the municipality.
 */

export interface BundleItemProvenance {
  originator?: string | null;
  receivedUnder?: string | null;
  restriction?: UseRestriction;
}

export interface SupplierContext {
  /** The sender's organisation in this vault's list (its address-book card's code); null if none. */
  senderOrganisation: string | null;
  /** The bundle came from this vault itself: its own departments stay its own. */
  senderIsSelf: boolean;
  categories: ReadonlyMap<string, OrganisationCategory>;
  bases: ReadonlySet<string>;
}

export function supplierContext(context: CoreContext, senderOrganisation: string | null, senderIsSelf: boolean): SupplierContext {
  const bases = new Set(context.db.prepare('SELECT code FROM legal_bases').pluck().all() as string[]);
  return { senderOrganisation, senderIsSelf, categories: organisationCategories(context), bases };
}

export function importedProvenance(item: BundleItemProvenance, supplier: SupplierContext): Provenance {
  if (item.originator === undefined && item.receivedUnder === undefined && item.restriction === undefined) {
    return { originator: supplier.senderOrganisation, receivedUnder: null, restriction: 'vraag_leverancier' };
  }
  let originator: string | null = null;
  if (item.originator) {
    const category = supplier.categories.get(item.originator);
    if (category === 'gemeentelijke_dienst' && !supplier.senderIsSelf) originator = supplier.senderOrganisation;
    else if (category !== undefined) originator = item.originator;
  }
  const receivedUnder = item.receivedUnder && supplier.bases.has(item.receivedUnder) ? item.receivedUnder : null;
  return { originator, receivedUnder, restriction: item.restriction ?? 'vraag_leverancier' };
}
