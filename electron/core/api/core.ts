import type { HandlerAccess, HandlerLane } from '../../../shared/api/define';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { api, type ApiError, type CoreEvent, type HandlerName, type Input, type Output, type Result } from '../../../shared/api';
import { sweepStaleCopies, TemporaryCopies, type PathOpener } from '../attachments/temporary-copies';
import type { BundleOptions } from '../bundles/export';
import { RecentVaults } from '../app/recent-vaults';
import { chromiumPdfRenderer, type PdfRenderer } from '../documents/pdf';
import { CoreError, toCoreError } from '../kernel/errors';
import { outsideAuditScope, withAuditScope } from '../kernel/audit-scope';
import type { Vault, VaultOptions } from '../vault/vault';
import { createAttachmentHandlers } from '../attachments/handlers';
import { createBundleHandlers } from '../bundles/handlers';
import { valueOf, type CoreService, type LockReason } from './core-service';
import { createDocumentHandlers } from '../documents/handlers';
import { createDossierHandlers } from '../dossiers/handlers';
import { createImmediateHandlers } from '../attachments/immediate-handlers';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import { coreContextFor } from '../kernel/context';
import { createVaultHandlers } from '../vault/handlers';
import { JobCancellation } from '../kernel/job-cancellation';
import { JobProgress } from '../kernel/progress';
import { createMeetingHandlers } from '../meetings/handlers';
import { createReportHandlers } from '../reports/handlers';
import { createSharingHandlers } from '../sharing/handlers';
import { validateCall } from './validate-call';

export interface CoreOptions {
  /** Per-user folder for app state outside any vault (recent list) and the default vault location. */
  userDataDir: string;
  /** Default folder for new vaults (the OS documents folder in the app). */
  defaultVaultDir?: string;
  host: 'electron' | 'browser';
  appVersion: string;
  vault?: VaultOptions;
  /** Tests only: auto-lock after this many seconds instead of the vault's setting in minutes. */
  autoLockSecondsOverride?: number;
  /**
   * Where decrypted copies for other programs go (attachment.openCopy): the system's temporary
   * folder unless a test says otherwise. Left-overs of a crashed run are swept from it at start.
   */
  temporaryCopiesDir?: string;
  /** Bundle settings (a lower scrypt work factor for tests). */
  bundles?: BundleOptions;
}

/** What the core gets from the process around it that plain data cannot carry. */
export interface CoreDependencies {
  /** Opens a file with the program the platform associates with it (the app: Electron's shell). */
  openPath?: PathOpener;
  /** Shared with the thread that may ask a running job to stop (CoreWorkerClient). */
  jobCancellation?: JobCancellation;
  /** Renders a document's HTML to PDF (the app: Electron's printToPDF); headless Chromium when absent. */
  renderPdf?: PdfRenderer;
}

/** Each folder is swept once per process: a second core in the same process (tests) finds it clean. */
const sweptFolders = new Set<string>();

/**
 * The calls declared `write` that a read-only vault still answers: they change nothing in the
 * vault file (a backup writes its copy elsewhere; the recent list lives in the app's folder) or
 * refuse for their own reason (an unlock while one is open).
 */
const WRITES_BESIDE_READ_ONLY_VAULT: ReadonlySet<HandlerName> = new Set<HandlerName>([
  'vault.lock',
  'vault.backup',
  'vault.forgetRecent',
  'vault.create',
  'vault.unlock',
  'vault.unlockWithRecoveryKey',
]);

/**
 * The core behind every transport: one handler map, validated at the boundary. Electron's IPC,
 * the browser host and the tests all reach it through `callUntrusted` (or its typed `call`), so they
 * share one behaviour.
 */
export class Core implements CoreService {
  private vault: Vault | null = null;
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private autoLockTimer: NodeJS.Timeout | null = null;
  private autoLockAt: Date | null = null;
  private readonly recent: RecentVaults;
  private readonly handlers: HandlerImplementations<HandlerName>;
  /**
   * Every call and every lock runs after the previous one has finished. A lock that arrives while
   * a passphrase change runs Argon2id waits for it, instead of wiping the key it is about to wrap;
   * parallel wrong guesses are counted one by one.
   */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly copies: TemporaryCopies;
  private readonly cancellation: JobCancellation;
  private readonly jobs: JobProgress;
  /** Calls of lane 'streaming' or 'rendering' running now; while any is, calls declared `access: 'read'` skip the queue. */
  private streamingJobs = 0;
  /** Calls of lane 'transaction' running now (a bundle import); while any is, reads that write nothing skip the queue. */
  private transactionJobs = 0;

  constructor(
    private readonly options: CoreOptions,
    private readonly dependencies: CoreDependencies = {},
  ) {
    this.recent = new RecentVaults(options.userDataDir);
    this.copies = new TemporaryCopies(options.temporaryCopiesDir);
    this.cancellation = dependencies.jobCancellation ?? new JobCancellation();
    this.jobs = new JobProgress(this.cancellation, (event) => this.emit(event));
    if (!sweptFolders.has(this.copies.baseDir)) {
      sweptFolders.add(this.copies.baseDir);
      // Copies a crash or power cut left behind: the vault they came from is locked, so must they be.
      sweepStaleCopies(this.copies.baseDir);
    }
    this.handlers = this.createHandlers();
  }

  /** Validate the name and input, run the handler, and answer with a Result; never throws. */
  async callUntrusted(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    const checked = validateCall(name, rawInput);
    if (!checked.ok) return checked;
    const { name: handlerName, input } = checked.value;
    const { access, passive, lane, audits } = api[handlerName];
    const handler = this.handlers[handlerName] as (input: unknown) => unknown;
    // Read-only media: a change is refused here, before any handler or SQLite sees it.
    if (access === 'write' && lane !== 'immediate' && this.vault?.readOnly && !WRITES_BESIDE_READ_ONLY_VAULT.has(handlerName)) {
      return failure(new CoreError('VAULT_READ_ONLY', `${handlerName}: the vault is read-only`).toApiError());
    }
    const run = async () => {
      // Streaming-ness follows the declared lane: while such a call runs, reads skip the queue.
      const holdsNoTransaction = lane === 'streaming' || lane === 'rendering';
      if (holdsNoTransaction) this.streamingJobs++;
      if (lane === 'transaction') this.transactionJobs++;
      try {
        const value = await withAuditScope(handlerName, audits, () => handler(input));
        if (this.vault && !passive) this.restartAutoLock();
        return { ok: true as const, value };
      } catch (error) {
        return failure(toCoreError(error, handlerName).toApiError());
      } finally {
        if (holdsNoTransaction) this.streamingJobs--;
        if (lane === 'transaction') this.transactionJobs--;
      }
    };
    if (lane === 'immediate') return run();
    // A read beside a job, but never a second job beside it: jobs share one cancellation slot.
    if (this.mayRunBeside(access, lane, audits)) {
      // On a turn of the event loop of its own, never in the middle of the job's synchronous code
      // (an event listener may call from inside it); the job yields to the loop between its pieces.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.mayRunBeside(access, lane, audits)) return run();
    }
    return this.enqueue(run);
  }

  /**
   * Whether a call may run now beside the job in progress instead of after it. Beside a streaming
   * job (no transaction open): any read. Beside a transaction job (the bundle import, whose
   * transaction is open on the same connection and holds none of its rows until its end): only a
   * read that writes nothing, not even an audit entry, which would otherwise land in the job's
   * transaction and stand or fall with it.
   */
  private mayRunBeside(access: HandlerAccess, lane: HandlerLane, audits: readonly AuditAction[]): boolean {
    if (access !== 'read' || lane !== 'queue') return false;
    return this.streamingJobs > 0 || (this.transactionJobs > 0 && audits.length === 0);
  }

  async call<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> {
    return valueOf<K>(await this.callUntrusted(name, input));
  }

  private enqueue<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get isUnlocked(): boolean {
    return this.vault !== null;
  }

  /** Lock from outside the API: suspend, screen lock, idle, quitting. Runs after the call in progress. */
  lock(reason: LockReason): Promise<void> {
    // The auto-lock's timer was started inside some handler's call: its entries are not that call's.
    return this.enqueue(() => outsideAuditScope(() => this.lockNow(reason)));
  }

  async dispose(): Promise<void> {
    await this.lock('shutdown');
    // Copies that were still open elsewhere at the lock get a second chance; else the next start sweeps them.
    this.copies.removeAll();
    this.listeners.clear();
  }

  private async lockNow(reason: LockReason): Promise<void> {
    this.clearAutoLock();
    const vault = this.vault;
    if (!vault) return;
    this.vault = null;
    try {
      this.removeTemporaryCopies(vault);
      // The background reader goes first: its worker and connection end before the vault closes.
      await vault.stopIntegrityCheck().catch(() => undefined);
      vault.lock();
    } finally {
      // The UI clears its dossier screens on this event, whatever happened to the file.
      this.emit({ type: 'vault.locked', reason });
    }
  }

  /** The decrypted copies go with the key: removed (and recorded) before the vault closes. */
  private removeTemporaryCopies(vault: Vault): void {
    const made = this.copies.count;
    if (made === 0) return;
    const left = this.copies.removeAll();
    try {
      vault.audit('attachment.copies-removed', { removed: made - left, left });
    } catch {
      // A full disk must not keep the vault open.
    }
  }

  private emit(event: CoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private requireVault(): Vault {
    if (!this.vault) throw new CoreError('VAULT_LOCKED', 'no vault is unlocked');
    return this.vault;
  }

  private opened(vault: Vault, { checkIntegrity = false } = {}): Vault {
    this.vault = vault;
    this.restartAutoLock();
    if (checkIntegrity) {
      vault.startIntegrityCheck((integrity) => {
        if (this.vault !== vault || integrity.state === 'not-run' || integrity.state === 'running') return;
        this.emit({ type: 'vault.integrity', state: integrity.state, checkedAt: integrity.checkedAt });
      });
    }
    try {
      this.recent.remember(vault.path);
    } catch {
      // The recent list is a convenience; an unlocked vault must not look like a failed unlock.
    }
    return vault;
  }

  private clearAutoLock(): void {
    if (this.autoLockTimer) clearTimeout(this.autoLockTimer);
    this.autoLockTimer = null;
    this.autoLockAt = null;
  }

  private restartAutoLock(): void {
    this.clearAutoLock();
    if (!this.vault) return;
    const seconds = this.options.autoLockSecondsOverride ?? this.vault.settings().autoLockMinutes * 60;
    this.autoLockAt = new Date(Date.now() + seconds * 1000);
    this.autoLockTimer = setTimeout(() => void this.lock('idle'), seconds * 1000);
    this.autoLockTimer.unref?.();
  }

  private get pdfRenderer(): PdfRenderer {
    return this.dependencies.renderPdf ?? chromiumPdfRenderer();
  }

  /** The one dependencies object every domain's handlers receive. */
  private handlerDependencies(): HandlerDependencies {
    const vaultOptions = this.options.vault ?? {};
    return {
      requireVault: () => this.requireVault(),
      context: () => coreContextFor(this.requireVault(), vaultOptions.now),
      now: vaultOptions.now,
      withProgress: (kind, work) => this.jobs.run(kind, work),
      renderPdf: this.pdfRenderer,
      copies: this.copies,
      openPath: this.dependencies.openPath,
      cancellation: this.cancellation,
      bundles: this.options.bundles ?? {},
      vaultOptions,
      app: { version: this.options.appVersion, host: this.options.host, defaultVaultDir: this.options.defaultVaultDir ?? this.options.userDataDir },
      session: {
        current: () => this.vault,
        opened: (vault, options) => this.opened(vault, options),
        lockNow: () => this.lockNow('user'),
        restartAutoLock: () => this.restartAutoLock(),
        autoLockAt: () => this.autoLockAt,
        recent: this.recent,
      },
    };
  }

  /** Every domain's handlers over one dependencies object; the type checks that the contract is covered whole. */
  private createHandlers(): HandlerImplementations<HandlerName> {
    const dependencies = this.handlerDependencies();
    return {
      ...createVaultHandlers(dependencies),
      ...createDossierHandlers(dependencies),
      ...createAttachmentHandlers(dependencies),
      ...createImmediateHandlers(this.cancellation),
      ...createDocumentHandlers(dependencies),
      ...createMeetingHandlers(dependencies),
      ...createReportHandlers(dependencies),
      ...createBundleHandlers(dependencies),
      ...createSharingHandlers(dependencies),
    };
  }
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}
