import { create } from 'zustand';
import type { AppInfo, CoreEvent, VaultStatus } from '../../../shared/api';
import { callCore } from '../core-client';
import { useNavigation, type Route } from './navigation';
import { useSettings } from './settings';
import { clearVaultData, registerVaultDataStore } from './vault-data';

export type LockReason = Extract<CoreEvent, { type: 'vault.locked' }>['reason'] | 'unknown';

const LOCKED: VaultStatus = { state: 'locked', path: null, name: null, displayName: null };

/**
 * The screen that was open when the vault was locked, to return to after the next unlock of the
 * same vault. In this module's memory only: never written to disk, so a fresh start (or a reload)
 * begins at the default screen.
 */
let openAtLock: { vaultPath: string; route: Route } | null = null;

interface SessionState {
  appInfo: AppInfo | null;
  status: VaultStatus;
  /** Why the vault was last locked, shown once on the unlock screen. */
  lockReason: LockReason | null;
  /** The vault to offer on the unlock screen after a lock. */
  lastVaultPath: string | null;
  /** Opened with the recovery key: the settings screen suggests a new passphrase. */
  openedWithRecoveryKey: boolean;
  start(): Promise<void>;
  vaultCreated(status: VaultStatus, recoveryKey: string): void;
  vaultOpened(status: VaultStatus, method: 'passphrase' | 'recovery-key'): void;
  lock(): Promise<void>;
  handleLocked(reason: LockReason): void;
  /** Asks the core whether the vault is still open, for when its lock event may have been missed. */
  checkStillUnlocked(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  appInfo: null,
  status: LOCKED,
  lockReason: null,
  lastVaultPath: null,
  openedWithRecoveryKey: false,

  start: async () => {
    const [info, status] = await Promise.all([callCore('app.info', {}), callCore('vault.status', {})]);
    if (info.ok) set({ appInfo: info.value });
    if (status.ok && status.value.state === 'unlocked') {
      // The page was reloaded while the vault stayed open in the core.
      get().vaultOpened(status.value, 'passphrase');
      return;
    }
    useNavigation.getState().go({ name: 'welcome' });
  },

  vaultCreated: (status, recoveryKey) => {
    openAtLock = null;
    set({ status, lastVaultPath: status.path, lockReason: null, openedWithRecoveryKey: false });
    void useSettings.getState().load();
    useNavigation.getState().go({ name: 'recovery-key', recoveryKey });
  },

  vaultOpened: (status, method) => {
    const openedWithRecoveryKey = method === 'recovery-key';
    set({ status, lastVaultPath: status.path, lockReason: null, openedWithRecoveryKey });
    void useSettings.getState().load();
    const resumed = openAtLock !== null && openAtLock.vaultPath === status.path ? openAtLock.route : null;
    openAtLock = null;
    // Opened with the recovery key, the settings come first: they suggest a new passphrase.
    useNavigation.getState().go({ name: 'main', route: openedWithRecoveryKey ? { section: 'settings' } : (resumed ?? { section: 'signals' }) });
  },

  lock: async () => {
    await callCore('vault.lock', {});
    get().handleLocked('user');
  },

  handleLocked: (reason) => {
    const wasOpen = get().status.state === 'unlocked';
    const { screen } = useNavigation.getState();
    const vaultPath = get().status.path;
    if (wasOpen && screen.name === 'main' && vaultPath) openAtLock = { vaultPath, route: screen.route };
    clearVaultData();
    if (!wasOpen) return;
    set({ status: LOCKED, lockReason: reason, openedWithRecoveryKey: false });
    const lastVaultPath = get().lastVaultPath;
    useNavigation.getState().go(lastVaultPath ? { name: 'unlock', vaultPath: lastVaultPath } : { name: 'welcome' });
  },

  checkStillUnlocked: async () => {
    const asked = get().status;
    if (asked.state !== 'unlocked') return;
    const result = await callCore('vault.status', {});
    // Only an answer about the session that was asked about counts: not one overtaken by a lock and a new unlock.
    if (result.ok && result.value.state === 'locked' && get().status === asked) get().handleLocked('unknown');
  },
}));

registerVaultDataStore(() => useSession.setState({ openedWithRecoveryKey: false }));
