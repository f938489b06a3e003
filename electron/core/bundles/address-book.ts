import fs from 'node:fs';
import type { AddressBookEntry, CardPreview, PartnerCard } from '../../../shared/api/bundles';
import { inTransaction, timestamp, type CoreContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';
import { fileError } from '../kernel/file-errors';
import type { Connection } from '../vault/connection';
import { requireOrganisation } from '../sharing/organisations';
import { describeFingerprint, loadVaultKeys, parsePartnerCard } from './identity';
import { isPlainSigningKey, plainAgeCard, plainAgeKeyIn } from './plain-age';

/** A partner card is a few hundred bytes; anything much larger is not one. */
const MAX_CARD_BYTES = 64 * 1024;

interface PartnerRow {
  id: number;
  name: string;
  organisation: string;
  organisation_code: string | null;
  age_recipient: string;
  signing_key: string;
  fingerprint: string;
  added_at: string;
  verified_at: string | null;
  verified_by: string | null;
}

const PARTNER_COLUMNS = 'id, name, organisation, organisation_code, age_recipient, signing_key, fingerprint, added_at, verified_at, verified_by';

function toEntry(row: PartnerRow): AddressBookEntry {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    organisationCode: row.organisation_code,
    ageRecipient: row.age_recipient,
    signingKey: isPlainSigningKey(row.signing_key) ? null : row.signing_key,
    plainAge: isPlainSigningKey(row.signing_key),
    fingerprint: describeFingerprint(row.fingerprint),
    addedAt: row.added_at,
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by,
  };
}

export function listPartners(db: Connection): AddressBookEntry[] {
  return (db.prepare(`SELECT ${PARTNER_COLUMNS} FROM bundle_partners ORDER BY name COLLATE NOCASE, organisation COLLATE NOCASE, id`).all() as PartnerRow[]).map(toEntry);
}

export function requirePartner(db: Connection, partnerId: number): AddressBookEntry {
  const row = db.prepare(`SELECT ${PARTNER_COLUMNS} FROM bundle_partners WHERE id = ?`).get(partnerId) as PartnerRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `partner ${partnerId} not found`, { kind: 'partner', id: partnerId });
  return toEntry(row);
}

export function partnerBySigningKey(db: Connection, signingKey: string): AddressBookEntry | null {
  const row = db.prepare(`SELECT ${PARTNER_COLUMNS} FROM bundle_partners WHERE signing_key = ?`).get(signingKey) as PartnerRow | undefined;
  return row ? toEntry(row) : null;
}

/** An entry that shares the card's age key or its name and organisation, but not its signing key: a warning sign. */
export function conflictingPartner(db: Connection, card: Pick<PartnerCard, 'signingKey' | 'ageRecipient' | 'name' | 'organisation'>): AddressBookEntry | null {
  const row = db
    .prepare(
      `SELECT ${PARTNER_COLUMNS} FROM bundle_partners
        WHERE signing_key <> ? AND (age_recipient = ? OR (name = ? COLLATE NOCASE AND organisation = ? COLLATE NOCASE))
        ORDER BY id LIMIT 1`,
    )
    .get(card.signingKey, card.ageRecipient, card.name, card.organisation) as PartnerRow | undefined;
  return row ? toEntry(row) : null;
}

/** What a partner's file holds: a Dossierkluis card, or a bare age key (plain-age.ts; name and organisation still empty). */
export interface PartnerKeyFile {
  card: PartnerCard;
  plainAge: boolean;
}

export function readCardFile(cardPath: string): PartnerKeyFile {
  let text: string;
  try {
    const stats = fs.statSync(cardPath);
    if (!stats.isFile()) throw new CoreError('PARTNER_CARD_INVALID', 'partner card: not a file');
    if (stats.size > MAX_CARD_BYTES) throw new CoreError('PARTNER_CARD_INVALID', 'partner card: too large');
    text = fs.readFileSync(cardPath, 'utf8');
  } catch (error) {
    throw fileError(error, 'read partner card', cardPath);
  }
  const plainKey = plainAgeKeyIn(text);
  if (plainKey !== null) return { card: plainAgeCard(plainKey, '', ''), plainAge: true };
  return { card: parsePartnerCard(text), plainAge: false };
}

/** A plain key takes the name and organisation the user gives; a card keeps its own. */
export function namedCard(file: PartnerKeyFile, name: string | undefined, organisation: string | undefined): PartnerCard {
  if (!file.plainAge) return file.card;
  if (!name) throw new CoreError('INVALID_INPUT', 'a plain age key needs a name', { field: 'name', reason: 'bundle.partner-name' });
  return plainAgeCard(file.card.ageRecipient, name, organisation ?? '');
}

function isOwnCard(db: Connection, card: PartnerCard): boolean {
  const own = loadVaultKeys(db);
  return own.fingerprint === card.fingerprint || own.ageRecipient === card.ageRecipient || own.signingPublicKey.toString('base64') === card.signingKey;
}

export function previewCard(db: Connection, { card, plainAge }: PartnerKeyFile): CardPreview {
  const row = db
    .prepare(`SELECT ${PARTNER_COLUMNS} FROM bundle_partners WHERE signing_key = ? OR age_recipient = ? ORDER BY signing_key = ? DESC LIMIT 1`)
    .get(card.signingKey, card.ageRecipient, card.signingKey) as PartnerRow | undefined;
  return {
    card: plainAge ? { ...card, signingKey: '' } : card,
    plainAge,
    fingerprint: describeFingerprint(card.fingerprint),
    existing: row ? toEntry(row) : null,
    isSelf: isOwnCard(db, card),
  };
}

/**
 * Put a card in the address book. A card whose keys are already there (or are this vault's own)
 * is refused; its age key under another signing key too, since one of the two would be an impostor.
 * Runs inside the caller's transaction when there is one (an import that accepts its sender).
 * `organisationCode`: the card's organisation in the organisation list; the card's own free text
 * is not matched to one by guessing.
 */
export function addPartner(context: CoreContext, card: PartnerCard, verified: boolean, organisationCode: string | null = null): AddressBookEntry {
  return inTransaction(context, () => {
    if (isOwnCard(context.db, card)) throw new CoreError('PARTNER_IS_SELF', 'the card is this vault’s own');
    if (organisationCode !== null) requireOrganisation(context, organisationCode);
    const duplicate = context.db
      .prepare('SELECT id FROM bundle_partners WHERE fingerprint = ? OR age_recipient = ? OR signing_key = ?')
      .pluck()
      .get(card.fingerprint, card.ageRecipient, card.signingKey) as number | undefined;
    if (duplicate !== undefined) throw new CoreError('PARTNER_EXISTS', `partner ${duplicate} has these keys`, { partnerId: duplicate });
    const now = timestamp(context);
    const id = Number(
      context.db
        .prepare(
          `INSERT INTO bundle_partners (name, organisation, organisation_code, age_recipient, signing_key, fingerprint, added_at, verified_at, verified_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(card.name, card.organisation, organisationCode, card.ageRecipient, card.signingKey, card.fingerprint, now, verified ? now : null, verified ? context.actor : null)
        .lastInsertRowid,
    );
    context.audit('address-book.added', { partnerId: id, name: card.name, organisation: card.organisation, fingerprint: card.fingerprint, verified });
    return requirePartner(context.db, id);
  });
}

export function verifyPartner(context: CoreContext, partnerId: number): AddressBookEntry {
  return inTransaction(context, () => {
    const partner = requirePartner(context.db, partnerId);
    context.db.prepare('UPDATE bundle_partners SET verified_at = ?, verified_by = ? WHERE id = ?').run(timestamp(context), context.actor, partnerId);
    context.audit('address-book.verified', { partnerId, fingerprint: partner.fingerprint.hex });
    return requirePartner(context.db, partnerId);
  });
}

/** Who the sharing regime sees behind a card's key: an organisation of the list, or (null) none. */
export function setPartnerOrganisation(context: CoreContext, partnerId: number, organisationCode: string | null): AddressBookEntry {
  return inTransaction(context, () => {
    requirePartner(context.db, partnerId);
    if (organisationCode !== null) requireOrganisation(context, organisationCode);
    context.db.prepare('UPDATE bundle_partners SET organisation_code = ? WHERE id = ?').run(organisationCode, partnerId);
    context.audit('address-book.organisation-set', { partnerId, organisationCode });
    return requirePartner(context.db, partnerId);
  });
}

export function removePartner(context: CoreContext, partnerId: number): { partnerId: number } {
  return inTransaction(context, () => {
    const partner = requirePartner(context.db, partnerId);
    context.db.prepare('DELETE FROM bundle_partners WHERE id = ?').run(partnerId);
    context.audit('address-book.removed', { partnerId, fingerprint: partner.fingerprint.hex });
    return { partnerId };
  });
}
