import type { TFunction } from 'i18next';
import type { AuditEntry, AuditItem } from '../../../../shared/api/audit';
import { TRASH_KINDS, type TrashKind } from '../../../../shared/api/dossier-types';
import { CLOSING_REASONS, DOSSIER_STATUSES, MEASURE_KINDS, SUBJECT_LINK_KINDS, SUBJECT_ROLES, SUBJECT_TYPES } from '../../../../shared/domain/enums';
import { formatBytes } from '../../format/bytes';
import { formatDate } from '../../format/date';
import type { Language } from '../../i18n';

/**
 * Every action the core writes to the audit trail (grep the core for `audit(`), with the group the
 * screen's filter puts it in. Its sentence is `audit.actions.<action>`; an action that is not here
 * (a newer core) is shown by its raw name and only under "Alles".
 */
export const AUDIT_GROUPS = ['access', 'changes', 'exports', 'deletions'] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

export const AUDIT_ACTIONS = {
  'vault.created': 'changes',
  'vault.unlocked': 'access',
  'vault.locked': 'access',
  'vault.passphrase-changed': 'changes',
  'vault.recovery-key-shown': 'access',
  'vault.key-rotated': 'changes',
  'vault.recovery-key-renewed': 'changes',
  'vault.backup': 'exports',
  'vault.restored': 'changes',
  'vault.checked': 'access',
  'vault.integrity-problem': 'access',
  'settings.updated': 'changes',
  'audit.viewed': 'access',
  'search.performed': 'access',
  'phenomenon.added': 'changes',
  'signal.created': 'changes',
  'signal.viewed': 'access',
  'signal.updated': 'changes',
  'signal.attached': 'changes',
  'signal.trashed': 'deletions',
  'signal.restored': 'changes',
  'dossier.created': 'changes',
  'dossier.viewed': 'access',
  'dossier.updated': 'changes',
  'dossier.status-changed': 'changes',
  'dossier.matches-viewed': 'access',
  'dossier.trashed': 'deletions',
  'dossier.restored': 'changes',
  'note.added': 'changes',
  'note.list-viewed': 'access',
  'note.trashed': 'deletions',
  'note.restored': 'changes',
  'measure.added': 'changes',
  'measure.updated': 'changes',
  'measure.trashed': 'deletions',
  'measure.restored': 'changes',
  'subject.created': 'changes',
  'subject.viewed': 'access',
  'subject.updated': 'changes',
  'subject.linked-to-dossier': 'changes',
  'subject.linked': 'changes',
  'subject.unlinked-from-dossier': 'changes',
  'subject.unlinked': 'changes',
  'subject.merged': 'changes',
  'subject.matches-viewed': 'access',
  'subject.trashed': 'deletions',
  'subject.restored': 'changes',
  'attachment.imported': 'changes',
  'attachment.list-viewed': 'access',
  'attachment.viewed': 'access',
  'attachment.exported': 'exports',
  'attachment.trashed': 'deletions',
  'attachment.restored': 'changes',
  'trash.emptied': 'deletions',
  'bundle.organisation-set': 'changes',
  'bundle.card-written': 'exports',
  'bundle.age-identity-written': 'exports',
  'bundle.exported': 'exports',
  'bundle.tlp-overridden': 'exports',
  'bundle.imported': 'changes',
  'address-book.added': 'changes',
  'address-book.verified': 'changes',
  'address-book.removed': 'deletions',
  'document.composed': 'changes',
  'document.viewed': 'access',
  'document.saved': 'changes',
  'document.compared': 'access',
  'document.printed': 'exports',
  'document.exported': 'exports',
  'document.signal-sheet-exported': 'exports',
  'meeting.created': 'changes',
  'meeting.viewed': 'access',
  'meeting.updated': 'changes',
  'meeting.item-added': 'changes',
  'meeting.item-updated': 'changes',
  'meeting.item-removed': 'changes',
  'meeting.action-added': 'changes',
  'meeting.action-done': 'changes',
  'meeting.action-reopened': 'changes',
  'meeting.outcome-applied': 'changes',
  'meeting.exported': 'exports',
  'report.exported': 'exports',
  'retention.defaults-updated': 'changes',
  'retention.extended': 'changes',
  'retention.shortened': 'changes',
  'retention.destroyed': 'deletions',
  'access-request.handled': 'access',
  'access-request.exported': 'exports',
  'register.updated': 'changes',
  'register.exported': 'exports',
} as const satisfies Record<string, AuditGroup>;

export type KnownAction = keyof typeof AUDIT_ACTIONS;

export function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

export function actionsOf(group: AuditGroup): KnownAction[] {
  return (Object.keys(AUDIT_ACTIONS) as KnownAction[]).filter((action) => AUDIT_ACTIONS[action] === group);
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Field names of an update, in words; a name the screen does not know stays as it is. */
function fieldList(t: TFunction, fields: unknown): string {
  if (!Array.isArray(fields)) return '';
  return fields
    .map((field) => {
      const name = text(field);
      const key = `audit.fields.${name}`;
      return i18nHas(t, key) ? t(key as 'audit.fields.title') : name;
    })
    .join(', ');
}

function i18nHas(t: TFunction, key: string): boolean {
  // t returns the key itself for a missing one (returnNull is off).
  return t(key as 'audit.title') !== key;
}

function size(t: TFunction, language: Language, bytes: unknown): string {
  return typeof bytes === 'number' ? formatBytes(bytes, language) : t('audit.variants.unknownSize');
}

/** "2 signalen, 1 dossier" for counts per trash kind; empty when there are none. */
export function trashSummary(t: TFunction, counts: Partial<Record<TrashKind, number>>): string {
  return TRASH_KINDS.filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => t(`trash.counts.${kind}`, { count: counts[kind] ?? 0 }))
    .join(', ');
}

/** The readable sentence for one entry: what happened, with the details that say more (ids go in the item column). */
export function describeEntry(t: TFunction, language: Language, entry: AuditEntry): string {
  const { action, details } = entry;
  if (!isKnownAction(action)) return action;
  switch (action) {
    case 'vault.unlocked':
      return details.method === 'recovery' ? t('audit.variants.unlockedWithRecoveryKey') : t('audit.actions.vault.unlocked');
    case 'vault.backup':
      return t('audit.actions.vault.backup', { path: text(details.path), size: size(t, language, details.bytes) });
    case 'vault.restored':
      return t('audit.actions.vault.restored', { from: text(details.from) });
    case 'settings.updated': {
      const changes: string[] = [];
      if (typeof details.autoLockMinutes === 'number') changes.push(t('audit.variants.autoLockMinutes', { value: details.autoLockMinutes }));
      if (details.language === 'nl' || details.language === 'en') changes.push(t('audit.variants.language', { value: t(`settings.language.${details.language}`) }));
      for (const key of Object.keys(details)) if (key !== 'autoLockMinutes' && key !== 'language') changes.push(key);
      return t('audit.actions.settings.updated', { changes: changes.join(', ') });
    }
    case 'search.performed':
      return t('audit.actions.search.performed', { count: count(details.hits) });
    case 'signal.updated':
    case 'dossier.updated':
    case 'measure.updated':
    case 'subject.updated':
      return t(`audit.actions.${action}`, { fields: fieldList(t, details.fields) });
    case 'signal.attached':
    case 'dossier.created':
    case 'dossier.viewed':
      return t(`audit.actions.${action}`, { number: text(details.number) });
    case 'dossier.status-changed': {
      const status = (value: unknown) => (oneOf(DOSSIER_STATUSES, value) ? t(`domain.status.${value}`) : text(value));
      const values = { number: text(details.number), from: status(details.from), to: status(details.to) };
      return oneOf(CLOSING_REASONS, details.closingReason)
        ? t('audit.variants.statusChangedClosed', { ...values, reason: inSentence(t(`domain.closingReason.${details.closingReason}`)) })
        : t('audit.actions.dossier.status-changed', values);
    }
    case 'measure.added':
      return t('audit.actions.measure.added', { kind: oneOf(MEASURE_KINDS, details.kind) ? t(`domain.measureKind.${details.kind}`) : text(details.kind) });
    case 'subject.created':
      return t('audit.actions.subject.created', { type: oneOf(SUBJECT_TYPES, details.type) ? inSentence(t(`domain.subjectType.${details.type}`)) : text(details.type) });
    case 'subject.linked-to-dossier':
      return t('audit.actions.subject.linked-to-dossier', { role: oneOf(SUBJECT_ROLES, details.role) ? inSentence(t(`domain.role.${details.role}`)) : text(details.role) });
    case 'subject.linked':
      return t('audit.actions.subject.linked', { kind: oneOf(SUBJECT_LINK_KINDS, details.kind) ? inSentence(t(`domain.linkKind.${details.kind}`)) : text(details.kind) });
    case 'subject.merged':
      return t('audit.actions.subject.merged', { moved: count(details.movedDossierLinks) + count(details.movedSubjectLinks) });
    case 'attachment.imported':
    case 'attachment.exported':
      return t(`audit.actions.${action}`, { size: size(t, language, details.bytes) });
    case 'trash.emptied': {
      const destroyed = (details.destroyed ?? {}) as Partial<Record<TrashKind, unknown>>;
      const counts = Object.fromEntries(TRASH_KINDS.map((kind) => [kind, Array.isArray(destroyed[kind]) ? destroyed[kind].length : 0]));
      const summary = trashSummary(t, counts);
      return summary ? t('audit.actions.trash.emptied', { destroyed: summary }) : t('audit.variants.trashEmptiedNothing');
    }
    case 'bundle.organisation-set':
      return t('bundles.audit.organisationSet', { organisation: text(details.organisation) });
    case 'bundle.card-written':
      return t('bundles.audit.cardWritten', { path: text(details.path) });
    case 'bundle.age-identity-written':
      return t('bundles.audit.ageIdentityWritten', { path: text(details.path) });
    case 'bundle.exported':
      return t('bundles.audit.exported', {
        dossiers: numbersOf(details.dossiers),
        to: recipientsOf(t, details.to),
        path: text(details.path),
        size: size(t, language, details.bytes),
      });
    case 'bundle.tlp-overridden':
      return t('bundles.audit.tlpOverridden', { count: count(details.count), reason: text(details.reason) });
    case 'bundle.imported': {
      const sender = (details.sender ?? {}) as Record<string, unknown>;
      return t('bundles.audit.imported', { sender: `${text(sender.name)} (${text(sender.organisation)})`, dossiers: numbersOf(details.dossiers) });
    }
    case 'address-book.added':
      return t('bundles.audit.partnerAdded', { name: text(details.name), organisation: text(details.organisation) });
    case 'address-book.verified':
      return t('bundles.audit.partnerVerified', { id: text(details.partnerId) });
    case 'address-book.removed':
      return t('bundles.audit.partnerRemoved', { id: text(details.partnerId) });
    case 'document.composed': {
      const included = (Array.isArray(details.included) ? details.included : []).filter(
        (kind): kind is 'reporter' | 'bsn' | 'internalNotes' => kind === 'reporter' || kind === 'bsn' || kind === 'internalNotes',
      );
      return included.length > 0
        ? t('documents.audit.composedIncluding', { version: text(details.version), included: included.map((kind) => t(`documents.audit.included.${kind}`)).join(', ') })
        : t('documents.audit.composed', { version: text(details.version) });
    }
    case 'document.viewed':
    case 'document.saved':
    case 'document.printed':
      return t(`documents.audit.${action.slice('document.'.length) as 'viewed' | 'saved' | 'printed'}`, { version: text(details.version) });
    case 'document.compared':
      return t('documents.audit.compared', { from: text(details.fromVersion), to: text(details.toVersion) });
    case 'document.signal-sheet-exported':
      return t('documents.audit.signalSheet', { path: text(details.path) });
    case 'document.exported':
      return t('documents.audit.exported', { format: details.format === 'docx' ? 'Word' : 'PDF', version: text(details.version), path: text(details.path) });
    case 'meeting.created':
    case 'meeting.viewed':
    case 'meeting.updated':
    case 'meeting.item-added':
    case 'meeting.item-updated':
    case 'meeting.item-removed':
    case 'meeting.action-added':
    case 'meeting.action-done':
    case 'meeting.action-reopened':
    case 'meeting.outcome-applied':
    case 'meeting.exported':
      return (t as unknown as (key: string) => string)(`meetings.audit.${action.slice('meeting.'.length)}`);
    case 'retention.extended':
    case 'retention.shortened':
      // The new date as the user writes it; none (a signal in a dossier going back to its dossier's period): a dash.
      return t(`audit.actions.${action}`, {
        item: retentionItem(t, details),
        to: typeof details.to === 'string' ? formatDate(details.to, language) : '—',
        reason: text(details.reason),
      });
    case 'retention.destroyed':
      return t('audit.actions.retention.destroyed', { item: retentionItem(t, details), reason: text(details.reason) });
    case 'report.exported':
      return t('audit.actions.report.exported', { from: text(details.from), to: text(details.to), format: details.format === 'pdf' ? 'PDF' : 'CSV' });
    default:
      return t(`audit.actions.${action}`);
  }
}

/** "2025-0001, 2025-0004" from a list of { number } in an entry's details. */
function numbersOf(list: unknown): string {
  if (!Array.isArray(list)) return '';
  return list.map((item) => text((item as Record<string, unknown> | null)?.number)).filter(Boolean).join(', ');
}

/** "R. Analist (RIEC), …" or "een wachtwoord" from a bundle export's `to`. */
function recipientsOf(t: TFunction, to: unknown): string {
  if (!Array.isArray(to)) return '';
  return to
    .map((item) => {
      const recipient = (item ?? {}) as Record<string, unknown>;
      if (recipient.passphrase === true) return t('bundles.audit.exportedPassphrase');
      return recipient.name ? `${text(recipient.name)} (${text(recipient.organisation)})` : text(recipient.ageRecipient);
    })
    .join(', ');
}

/** "dossier 2019-0001" or "signaal #12" for a retention entry (the item itself may be destroyed). */
function retentionItem(t: TFunction, details: Record<string, unknown>): string {
  return details.kind === 'dossier' ? t('audit.items.dossierNumber', { number: text(details.number) }) : t('audit.items.signal', { id: text(details.id) });
}

/** The words for an item an entry names: "Dossier 2026-0042" when the entry holds the number, else "Signaal #12". */
export function itemLabel(t: TFunction, entry: AuditEntry, item: AuditItem): string {
  const number = item.kind !== 'dossier' ? null : (item.number ?? (item.key === 'dossierId' && typeof entry.details.number === 'string' ? entry.details.number : null));
  return number ? t('audit.items.dossierNumber', { number }) : t(`audit.items.${item.kind}`, { id: item.id });
}

/** A label inside a sentence: "als betrokkene", but "als UBO" (a word in capitals stays as it is). */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
