import type { CoreEvent, Result } from '../../../shared/api';
import type { LockReason } from '../api/core-service';

/** Messages between the thread that owns a transport and the worker that owns the vault. */
export type ToCoreWorker =
  | { type: 'call'; id: number; name: unknown; input: unknown }
  | { type: 'lock'; id: number; reason: LockReason }
  | { type: 'dispose'; id: number };

export type FromCoreWorker =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'done'; id: number }
  | { type: 'event'; event: CoreEvent };
