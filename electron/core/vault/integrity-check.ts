import { Worker } from 'node:worker_threads';

/** The integrity worker's script: the bundled integrity-worker.* beside the core, or in tests a TypeScript loader. */
export interface IntegrityWorkerScript {
  script: string;
  /** Passed to the worker's process.argv (the tests' loader takes the .ts entry here). */
  argv?: string[];
}

/** What the worker starts with. `key` is a copy of the database key, moved (transferred) to the worker. */
export interface IntegrityWorkerData {
  path: string;
  key: ArrayBuffer;
  nativeBinding?: string;
}

export type FromIntegrityWorker =
  | { type: 'progress'; done: number; total: number }
  /** `problem` is SQLite's first finding, or null when every table and index is sound. */
  | { type: 'result'; problem: string | null }
  /** The check could not run to the end for a reason that is not damage (e.g. the file is busy). */
  | { type: 'failed'; message: string };

export type IntegrityOutcome = { kind: 'ok' } | { kind: 'problem'; problem: string } | { kind: 'failed'; message: string };

/**
 * The full structural check of an open vault, in a worker thread with its own read-only
 * connection, so that neither unlock nor the calls that follow wait for it. `stop` ends it (the
 * worker is terminated and its connection closed) before the vault may close.
 */
export class BackgroundIntegrityCheck {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private finished = false;

  private constructor(worker: Worker, onOutcome: (outcome: IntegrityOutcome) => void) {
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    const settle = (outcome: IntegrityOutcome) => {
      if (this.finished) return;
      this.finished = true;
      onOutcome(outcome);
    };
    worker.on('message', (message: FromIntegrityWorker) => {
      if (message.type === 'result') settle(message.problem === null ? { kind: 'ok' } : { kind: 'problem', problem: message.problem });
      else if (message.type === 'failed') settle({ kind: 'failed', message: message.message });
    });
    worker.on('error', (error) => settle({ kind: 'failed', message: error.message }));
    worker.on('exit', (code) => settle({ kind: 'failed', message: `integrity worker stopped (${code})` }));
    // A check in progress must not keep a process alive that has nothing else to do.
    worker.unref();
  }

  /** Start the check. The key is copied into memory that moves to the worker; the caller keeps its own. */
  static start(
    worker: IntegrityWorkerScript,
    vaultPath: string,
    key: Buffer,
    options: { nativeBinding?: string },
    onOutcome: (outcome: IntegrityOutcome) => void,
  ): BackgroundIntegrityCheck {
    const copy = new ArrayBuffer(key.byteLength);
    new Uint8Array(copy).set(key);
    const workerData: IntegrityWorkerData = { path: vaultPath, key: copy, nativeBinding: options.nativeBinding };
    try {
      return new BackgroundIntegrityCheck(new Worker(worker.script, { workerData, transferList: [copy], argv: worker.argv ?? [] }), onOutcome);
    } finally {
      // Transferred, the buffer is detached here (length 0); if the worker did not start, wipe it.
      if (copy.byteLength > 0) new Uint8Array(copy).fill(0);
    }
  }

  get isRunning(): boolean {
    return !this.finished;
  }

  /** Stop the worker (a statement in progress ends first) and wait until it and its connection are gone. */
  async stop(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
    await this.exited;
  }
}
