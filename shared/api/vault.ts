import { z } from 'zod';
import { defineHandler } from './define';
import { filePathSchema } from '../domain/validation';

export const PASSPHRASE_MIN_LENGTH = 12;
const PASSPHRASE_MAX_LENGTH = 1024;

/** A passphrase offered to unlock: any length, the KDF decides. */
const passphraseInput = z.string().min(1).max(PASSPHRASE_MAX_LENGTH);
/** A passphrase being set: at least 12 characters. */
export const newPassphraseInput = z.string().min(PASSPHRASE_MIN_LENGTH).max(PASSPHRASE_MAX_LENGTH);
export const displayNameInput = z.string().trim().min(1).max(120);
const recoveryKeyInput = z.string().min(10).max(200);

export type VaultState = 'locked' | 'unlocked';

/**
 * The background check of the whole file after unlock (PRAGMA quick_check per table, in a worker).
 * 'not-run': no check in this session (or it was stopped); 'failed': it could not finish for a
 * reason other than damage; 'problem': SQLite found damage, which the shell shows as a warning.
 */
export type IntegrityCheckState = 'not-run' | 'running' | 'ok' | 'problem' | 'failed';

export interface IntegrityCheckStatus {
  state: IntegrityCheckState;
  /** When the check finished (ISO 8601), null while it runs or when it did not. */
  checkedAt: string | null;
}

export interface VaultStatus {
  state: VaultState;
  /** The background integrity check of this session, when unlocked. */
  integrity?: IntegrityCheckStatus;
  /** Full path of the open vault file, when unlocked. */
  path: string | null;
  /** File name without folder and extension, shown in the title bar. */
  name: string | null;
  displayName: string | null;
  /**
   * Opened from read-only media (a write-protected stick, a cd, a folder without write
   * permission): reading, searching and a backup work; every change is refused (VAULT_READ_ONLY).
   */
  readOnly?: boolean;
}

export interface RecentVault {
  path: string;
  name: string;
  lastOpenedAt: string;
  exists: boolean;
}

export interface AppInfo {
  version: string;
  /** Where a new vault goes unless the user chooses otherwise. */
  defaultVaultPath: string;
  host: 'electron' | 'browser';
}

export interface VaultSettings {
  autoLockMinutes: number;
  language: 'nl' | 'en';
}

export const AUTO_LOCK_MINUTES_MIN = 1;
export const AUTO_LOCK_MINUTES_MAX = 240;

export const vaultApi = {
  'app.info': defineHandler<AppInfo>({ access: 'read', passive: true, lane: 'queue', audits: [] })(z.object({}).strict()),
  /** The user did something: restarts the auto-lock countdown. */
  'app.activity': defineHandler<{ autoLockAt: string | null }>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  'vault.recent': defineHandler<RecentVault[]>({ access: 'read', passive: true, lane: 'queue', audits: [] })(z.object({}).strict()),
  'vault.forgetRecent': defineHandler<RecentVault[]>({ access: 'write', passive: false, lane: 'queue', audits: [] })(z.object({ path: filePathSchema }).strict()),
  'vault.status': defineHandler<VaultStatus>({ access: 'read', passive: true, lane: 'queue', audits: [] })(z.object({}).strict()),
  'vault.create': defineHandler<{ status: VaultStatus; recoveryKey: string }>({ access: 'write', passive: false, lane: 'queue', audits: ['vault.created'] })(
    z.object({ path: filePathSchema, passphrase: newPassphraseInput, displayName: displayNameInput }).strict(),
  ),
  'vault.unlock': defineHandler<VaultStatus>({ access: 'write', passive: false, lane: 'queue', audits: ['vault.unlocked', 'vault.integrity-problem'] })(
    z.object({ path: filePathSchema, passphrase: passphraseInput }).strict(),
  ),
  'vault.unlockWithRecoveryKey': defineHandler<VaultStatus>({ access: 'write', passive: false, lane: 'queue', audits: ['vault.unlocked', 'vault.integrity-problem'] })(
    z.object({ path: filePathSchema, recoveryKey: recoveryKeyInput }).strict(),
  ),
  'vault.lock': defineHandler<VaultStatus>({ access: 'write', passive: false, lane: 'queue', audits: ['vault.locked', 'attachment.copies-removed'] })(z.object({}).strict()),
  'vault.changePassphrase': defineHandler<{ changed: true }>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['vault.passphrase-changed', 'vault.passphrase-refused'],
  })(z.object({ currentPassphrase: passphraseInput, newPassphrase: newPassphraseInput }).strict()),
  /**
   * Re-encrypts the vault under a new key and issues a new recovery key (the old one lived inside
   * the database whose key may have leaked). The UI must show the new recovery key like at creation.
   */
  'vault.rotateKey': defineHandler<{ rotated: true; recoveryKey: string }>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['vault.key-rotated', 'vault.recovery-key-renewed', 'vault.integrity-problem', 'vault.passphrase-refused'],
  })(z.object({ passphrase: passphraseInput }).strict()),
  'vault.showRecoveryKey': defineHandler<{ recoveryKey: string }>({
    access: 'write',
    passive: false,
    lane: 'queue',
    audits: ['vault.recovery-key-shown', 'vault.passphrase-refused'],
  })(z.object({ passphrase: passphraseInput }).strict()),
  /** Refuses an existing target (VAULT_EXISTS) unless `overwrite`, and always the vault's own files. */
  'vault.backup': defineHandler<{ path: string; bytes: number }>({ access: 'write', passive: false, lane: 'queue', audits: ['vault.backup'] })(
    z.object({ targetPath: filePathSchema, overwrite: z.boolean().optional() }).strict(),
  ),
  'settings.get': defineHandler<VaultSettings>({ access: 'read', passive: true, lane: 'queue', audits: [] })(z.object({}).strict()),
  'settings.update': defineHandler<VaultSettings>({ access: 'write', passive: false, lane: 'queue', audits: ['settings.updated'] })(
    z
      .object({
        autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES_MIN).max(AUTO_LOCK_MINUTES_MAX).optional(),
        language: z.enum(['nl', 'en']).optional(),
      })
      .strict(),
  ),
};
