/**
 * Every action the core may write to the audit trail, with the group the audit screen's filter puts
 * it in. The core's `audit()` accepts only these names; the handlers declare which of them they write
 * (shared/api/define.ts).
 */
export const AUDIT_GROUPS = ['access', 'changes', 'exports', 'deletions'] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

export const AUDIT_ACTION_GROUPS = {
  'access-request.exported': 'exports',
  'access-request.handled': 'access',
  'address-book.added': 'changes',
  'address-book.removed': 'deletions',
  'address-book.verified': 'changes',
  'attachment.copies-removed': 'deletions',
  'attachment.copy-opened': 'exports',
  'attachment.exported': 'exports',
  'attachment.imported': 'changes',
  'attachment.list-viewed': 'access',
  'attachment.restored': 'changes',
  'attachment.trashed': 'deletions',
  'attachment.viewed': 'access',
  'audit.viewed': 'access',
  'bundle.age-identity-written': 'exports',
  'bundle.card-written': 'exports',
  'bundle.exported': 'exports',
  'bundle.imported': 'changes',
  'bundle.organisation-set': 'changes',
  'bundle.tlp-overridden': 'exports',
  'document.compared': 'access',
  'document.composed': 'changes',
  'document.exported': 'exports',
  'document.printed': 'exports',
  'document.saved': 'changes',
  'document.signal-sheet-exported': 'exports',
  'document.viewed': 'access',
  'dossier.created': 'changes',
  'dossier.matches-viewed': 'access',
  'dossier.restored': 'changes',
  'dossier.status-changed': 'changes',
  'dossier.timeline-viewed': 'access',
  'dossier.trashed': 'deletions',
  'dossier.updated': 'changes',
  'dossier.viewed': 'access',
  'measure.added': 'changes',
  'measure.restored': 'changes',
  'measure.trashed': 'deletions',
  'measure.updated': 'changes',
  'meeting.action-added': 'changes',
  'meeting.action-done': 'changes',
  'meeting.action-reopened': 'changes',
  'meeting.created': 'changes',
  'meeting.exported': 'exports',
  'meeting.item-added': 'changes',
  'meeting.item-removed': 'changes',
  'meeting.item-updated': 'changes',
  'meeting.outcome-applied': 'changes',
  'meeting.updated': 'changes',
  'meeting.viewed': 'access',
  'note.added': 'changes',
  'note.list-viewed': 'access',
  'note.restored': 'changes',
  'note.trashed': 'deletions',
  'phenomenon.added': 'changes',
  'register.exported': 'exports',
  'register.updated': 'changes',
  'report.exported': 'exports',
  'retention.defaults-updated': 'changes',
  'retention.destroyed': 'deletions',
  'retention.extended': 'changes',
  'retention.shortened': 'changes',
  'search.performed': 'access',
  'settings.updated': 'changes',
  'signal.attached': 'changes',
  'signal.created': 'changes',
  'signal.restored': 'changes',
  'signal.trashed': 'deletions',
  'signal.updated': 'changes',
  'signal.viewed': 'access',
  'subject.created': 'changes',
  'subject.linked': 'changes',
  'subject.linked-to-dossier': 'changes',
  'subject.matches-viewed': 'access',
  'subject.merged': 'changes',
  'subject.restored': 'changes',
  'subject.trashed': 'deletions',
  'subject.unlinked': 'changes',
  'subject.unlinked-from-dossier': 'changes',
  'subject.updated': 'changes',
  'subject.viewed': 'access',
  'trash.emptied': 'deletions',
  'vault.backup': 'exports',
  'vault.checked': 'access',
  'vault.created': 'changes',
  'vault.integrity-problem': 'access',
  'vault.key-rotated': 'changes',
  'vault.locked': 'access',
  'vault.passphrase-changed': 'changes',
  'vault.passphrase-refused': 'access',
  'vault.recovery-key-renewed': 'changes',
  'vault.recovery-key-shown': 'access',
  'vault.restored': 'changes',
  'vault.unlocked': 'access',
} as const satisfies Record<string, AuditGroup>;

export type AuditAction = keyof typeof AUDIT_ACTION_GROUPS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_GROUPS) as AuditAction[];

export function isAuditAction(action: unknown): action is AuditAction {
  return typeof action === 'string' && Object.hasOwn(AUDIT_ACTION_GROUPS, action);
}

/** The actions the audit screen's filter shows under `group`. */
export function auditActionsOf(group: AuditGroup): AuditAction[] {
  return AUDIT_ACTIONS.filter((action) => AUDIT_ACTION_GROUPS[action] === group);
}
