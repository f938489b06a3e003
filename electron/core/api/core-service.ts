import type { CoreEvent, Result } from '../../../shared/api';

export type LockReason = Extract<CoreEvent, { type: 'vault.locked' }>['reason'];

/**
 * What a transport (Electron IPC, the browser host) needs from the core. `Core` implements it in
 * the same thread (tests); `CoreWorkerClient` runs a Core in a worker thread, so that Argon2id, a
 * key rotation or an integrity check never blocks the thread that serves the UI.
 */
export interface CoreService {
  call(name: unknown, rawInput: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  lock(reason: LockReason): void | Promise<void>;
  dispose(): void | Promise<void>;
}
