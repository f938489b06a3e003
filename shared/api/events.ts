/** Events the core pushes to the UI over the same transports as the calls. */
export type CoreEvent =
  | { type: 'vault.locked'; reason: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'shutdown' }
  | { type: 'job.progress'; jobId: string; kind: 'backup' | 'rotate-key'; done: number; total: number };
