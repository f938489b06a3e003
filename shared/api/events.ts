/** Long work that reports progress; for attachments and bundles `done` and `total` are bytes. */
export type JobKind = 'backup' | 'rotate-key' | 'attachment-import' | 'attachment-export' | 'bundle-export' | 'bundle-inspect' | 'bundle-import';

/** Events the core pushes to the UI over the same transports as the calls. */
export type CoreEvent =
  | { type: 'vault.locked'; reason: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'shutdown' }
  | { type: 'job.progress'; jobId: string; kind: JobKind; done: number; total: number }
  /** The background integrity check after unlock has finished; 'problem' means the file is damaged. */
  | { type: 'vault.integrity'; state: 'ok' | 'problem' | 'failed'; checkedAt: string | null };
