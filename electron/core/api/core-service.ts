import type { CoreEvent, HandlerName, Input, Output, Result } from '../../../shared/api';
import { CoreError } from '../kernel/errors';

export type LockReason = Extract<CoreEvent, { type: 'vault.locked' }>['reason'];

/**
 * What a transport (Electron IPC, the browser host) needs from the core. `Core` implements it in
 * the same thread (tests); `CoreWorkerClient` runs a Core in a worker thread, so that Argon2id, a
 * key rotation or an integrity check never blocks the thread that serves the UI.
 */
export interface CoreService {
  /** For the transports: anything may arrive, so name and input are checked; never throws. */
  callUntrusted(name: unknown, rawInput: unknown): Promise<Result<unknown>>;
  /** For callers in this process (demo data, CLI, tests, bench): typed, and a failure throws its CoreError. */
  call<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  lock(reason: LockReason): void | Promise<void>;
  dispose(): void | Promise<void>;
}

/**
 * The one place where a Result becomes a typed value: the core validated the call against the
 * contract, and the handler map is typed against the same contract (HandlerImplementations).
 */
export function valueOf<K extends HandlerName>(result: Result<unknown>): Output<K> {
  if (!result.ok) throw new CoreError(result.error.code, result.error.message, result.error.details);
  return result.value as Output<K>;
}
