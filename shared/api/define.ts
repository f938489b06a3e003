import type { z } from 'zod';
import type { AuditAction } from '../domain/audit-actions';

/**
 * Whether a call changes the vault. `read`: it changes no vault data other than its own "viewed"
 * audit entry, written in a short transaction of its own; so a read in the `queue` lane may be
 * answered while a streaming job or a PDF render is running, and one without audit actions while
 * a `transaction` job runs (Core.callUntrusted). Everything else,
 * a read that is itself a streaming job included, waits its turn.
 */
export type HandlerAccess = 'read' | 'write';

/**
 * Where a call runs in the core.
 * - `queue`: after the call before it has finished (the default for everything).
 * - `immediate`: answered at once, outside the queue and outside the worker thread, because the
 *   job it is about holds both (attachment.cancel only flips a flag that the running job reads).
 * - `rendering`: waits seconds on Chromium for a PDF with no transaction open; reads are answered
 *   meanwhile.
 * - `streaming`: a job that holds no transaction while it streams (bundle export and inspection);
 *   reads are answered between its pieces.
 * - `transaction`: a job that holds one write transaction open while it streams, and writes
 *   nothing that a read could see until its end (the bundle import). Between its pieces, reads
 *   that write nothing at all (`audits: []`) are answered on its connection; reads that write a
 *   "viewed" entry, and all writes, wait: their rows would land in its transaction.
 */
export type HandlerLane = 'queue' | 'immediate' | 'rendering' | 'streaming' | 'transaction';

export const HANDLER_LANES = ['queue', 'immediate', 'rendering', 'streaming', 'transaction'] as const satisfies readonly HandlerLane[];

/** What the core must know about a call besides its input and result; every field is required. */
export interface HandlerPolicy {
  access: HandlerAccess;
  /** True when the call only looks and so does not restart the auto-lock's idle timer. */
  passive: boolean;
  lane: HandlerLane;
  /**
   * Every audit action the handler may write, also through the domain functions it calls. The
   * core checks this at run time (electron/core/kernel/audit-scope.ts).
   */
  audits: readonly AuditAction[];
}

/** A handler declaration: its policy, the zod schema of its input and, at the type level only, its result. */
export interface HandlerDefinition<Schema extends z.ZodType, ResultValue> extends Readonly<HandlerPolicy> {
  input: Schema;
  /** Phantom field: never read at run time, it carries the result type. */
  readonly result?: ResultValue;
}

/**
 * Curried so that the result type can be named while the schema type is inferred:
 * `defineHandler<VaultStatus>({ access: 'read', passive: true, lane: 'queue', audits: [] })(z.object({}))`.
 */
export function defineHandler<ResultValue>(policy: HandlerPolicy) {
  const { access, passive, lane, audits } = policy;
  return <Schema extends z.ZodType>(input: Schema): HandlerDefinition<Schema, ResultValue> => ({ access, passive, lane, audits, input });
}
