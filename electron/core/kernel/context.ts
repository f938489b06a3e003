import type { AuditAction } from '../../../shared/domain/audit-actions';
import type { AuditDetails } from '../../../shared/domain/audit-details';
import { localIsoDate, type ValidationCode } from '../../../shared/domain/validation';
import { CoreError } from './errors';
import type { Connection } from '../vault/connection';
import type { Vault } from '../vault/vault';

/**
 * What every domain works with: the open vault's connection, who is working, the clock, and
 * the audit trail. Every change and every view of an item writes an audit entry inside the same
 * transaction as the change, with ids and field names only: the audit trail outlives the content
 * (it stays when a dossier is destroyed), so it must not hold the personal data itself.
 */
export interface CoreContext {
  db: Connection;
  actor: string;
  now(): Date;
  audit<A extends AuditAction>(action: A, details: AuditDetails[A]): void;
}

export function coreContextFor(vault: Vault, now: () => Date = () => new Date()): CoreContext {
  return {
    db: vault.database,
    actor: vault.displayName,
    now,
    audit: (action, details) => vault.audit(action, details),
  };
}

export function timestamp(context: CoreContext): string {
  return context.now().toISOString();
}

export function today(context: CoreContext): string {
  return localIsoDate(context.now());
}

type ItemKind = 'signal' | 'dossier' | 'subject' | 'note' | 'measure' | 'phenomenon' | 'attachment' | 'dossier-link' | 'subject-link';

export function notFound(kind: ItemKind, id: number): CoreError {
  return new CoreError('NOT_FOUND', `${kind} ${id} not found`, { kind, id });
}

/** A rule the zod schema cannot see (it needs the stored state): answered like a schema failure. */
export function invalidField(field: string, reason: ValidationCode): CoreError {
  return new CoreError('INVALID_INPUT', `${field}: ${reason}`, { field, reason });
}

/**
 * Dates of things that happened (a signal received, a dossier opened, a note, a status decision)
 * cannot lie after today, by the injected clock. ISO dates compare as text.
 */
export function requireNotInFuture(context: CoreContext, field: string, date: string | null | undefined): void {
  if (date && date > today(context)) throw new CoreError('DATE_IN_FUTURE', `${field}: ${date} lies after today`, { field, date });
}

/** Run `work` in one transaction: the change and its audit entry are written together or not at all. */
export function inTransaction<T>(context: CoreContext, work: () => T): T {
  return context.db.transaction(work)();
}

export const toBoolean = (value: number): boolean => value === 1;
