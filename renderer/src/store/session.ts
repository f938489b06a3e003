import { create } from 'zustand';
import type { AppInfo, CoreEvent, VaultStatus } from '../../../shared/api';
import { callCore } from '../core-client';
import { useNavigation } from './navigation';
import { useSettings } from './settings';
import { clearVaultData, registerVaultDataStore } from './vault-data';

export type LockReason = Extract<CoreEvent, { type: 'vault.locked' }>['reason'] | 'unknown';

const LOCKED: VaultStatus = { state: 'locked', path: null, name: null, displayName: null };

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
    set({ status, lastVaultPath: status.path, lockReason: null, openedWithRecoveryKey: false });
    void useSettings.getState().load();
    useNavigation.getState().go({ name: 'recovery-key', recoveryKey });
  },

  vaultOpened: (status, method) => {
    const openedWithRecoveryKey = method === 'recovery-key';
    set({ status, lastVaultPath: status.path, lockReason: null, openedWithRecoveryKey });
    void useSettings.getState().load();
    useNavigation.getState().go({ name: 'main', route: openedWithRecoveryKey ? { section: 'settings' } : { section: 'signals' } });
  },

  lock: async () => {
    await callCore('vault.lock', {});
    get().handleLocked('user');
  },

  handleLocked: (reason) => {
    const wasOpen = get().status.state === 'unlocked';
    clearVaultData();
    if (!wasOpen) return;
    set({ status: LOCKED, lockReason: reason, openedWithRecoveryKey: false });
    const vaultPath = get().lastVaultPath;
    useNavigation.getState().go(vaultPath ? { name: 'unlock', vaultPath } : { name: 'welcome' });
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
