import { AsyncLocalStorage } from 'node:async_hooks';
import { CoreError } from './errors';

interface AuditScope {
  handler: string;
  audits: ReadonlySet<string>;
}

/**
 * The audit actions the running handler declared (shared/api/define.ts), kept across its awaits.
 * Entries written outside any handler (a lock, the auto-lock, the CLI) have no scope and pass.
 */
const scopes = new AsyncLocalStorage<AuditScope>();

/** Run one handler call with its declared audit actions in scope. */
export function withAuditScope<T>(handler: string, audits: readonly string[], work: () => T): T {
  return scopes.run({ handler, audits: new Set(audits) }, work);
}

/** Run work that belongs to no handler, even when a handler's timer or callback started it. */
export function outsideAuditScope<T>(work: () => T): T {
  return scopes.exit(work);
}

/**
 * Called first by Vault.audit. An action the running handler did not declare is a bug in the
 * declaration: tests fail on it, while the app still records the entry (an audit entry is never
 * lost over a wrong declaration) and reports the mistake on the console.
 */
export function checkAuditAction(action: string): void {
  const scope = scopes.getStore();
  if (!scope || scope.audits.has(action)) return;
  const message = `${scope.handler} wrote the audit action ${action}, which it does not declare`;
  if (process.env.VITEST) throw new CoreError('INTERNAL', message);
  console.error(message);
}
