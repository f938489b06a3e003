import type { HandlerName, JobKind, Output, ParsedInput } from '../../../shared/api';
import type { ByteProgress } from './chunking';
import type { CoreContext } from './context';
import type { JobCancellation } from './job-cancellation';
import type { PdfRenderer } from '../documents/pdf';
import type { TemporaryCopies, PathOpener } from '../attachments/temporary-copies';
import type { BundleOptions } from '../bundles/export';
import type { RecentVaults } from '../app/recent-vaults';
import type { Vault, VaultOptions } from '../vault/vault';

/** The implementation of a set of handlers: validated input in, result value out (or a CoreError thrown). */
export type HandlerImplementations<K extends HandlerName> = {
  [Name in K]: (input: ParsedInput<Name>) => Promise<Output<Name>> | Output<Name>;
};

/** Runs `work` as a job of `kind`, handing it a reporter of bytes done/total (job.progress events, cancellation). */
export type RunWithProgress = <T>(kind: JobKind, work: (report: ByteProgress) => T | Promise<T>) => Promise<T>;

/**
 * The open-or-closed state the core keeps for the vault handlers: which vault is open, the
 * auto-lock, and the recent list. Only the vault domain opens and closes; the others ask
 * `requireVault`.
 */
export interface VaultSession {
  current(): Vault | null;
  /** Take a freshly created or unlocked vault as the open one (auto-lock, recent list, background check). */
  opened(vault: Vault, options?: { checkIntegrity?: boolean }): Vault;
  /** Lock now, inside the running call (the user's own "vergrendelen"). */
  lockNow(): Promise<void>;
  restartAutoLock(): void;
  autoLockAt(): Date | null;
  readonly recent: RecentVaults;
}

/**
 * One object that every domain's handler factory receives (`create…Handlers(deps)`): what the
 * core holds for all of them. A domain takes what it needs and nothing reaches around it.
 */
export interface HandlerDependencies {
  /** The open vault, or VAULT_LOCKED. */
  requireVault(): Vault;
  /** A fresh context over the open vault, so the actor is the vault's current display name. */
  context(): CoreContext;
  /** Injected clock (tests); the system clock when absent. */
  now?: () => Date;
  withProgress: RunWithProgress;
  renderPdf: PdfRenderer;
  /** The decrypted copies for other programs; the core removes them when the vault locks. */
  copies: TemporaryCopies;
  /** The platform's "open with its program"; absent where the host cannot start programs. */
  openPath?: PathOpener;
  cancellation: JobCancellation;
  bundles: BundleOptions;
  vaultOptions: VaultOptions;
  session: VaultSession;
  app: { version: string; host: 'electron' | 'browser'; defaultVaultDir: string };
}
