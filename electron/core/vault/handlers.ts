import path from 'node:path';
import type { auditApi } from '../../../shared/api/audit';
import type { vaultApi } from '../../../shared/api/vault';
import { withItems } from '../dossiers/audit-items';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import { Vault, VAULT_EXTENSION } from './vault';
import { CoreError } from '../kernel/errors';
import { resolveTargetPath } from '../kernel/output-files';
import { today } from '../kernel/context';
import { suggestedFileName } from '../../../shared/domain/file-names';

const LOCKED = { state: 'locked', path: null, name: null, displayName: null } as const;

/**
 * The app, the vault's life (create, unlock, lock, keys, backup), its settings and its audit trail.
 * The only domain that opens and closes a vault: it does so through the core's session.
 */
export function createVaultHandlers({
  requireVault,
  session,
  vaultOptions,
  withProgress,
  app,
  context,
}: HandlerDependencies): HandlerImplementations<keyof typeof vaultApi | keyof typeof auditApi> {
  const requireNoVault = () => {
    if (session.current()) throw new CoreError('VAULT_ALREADY_UNLOCKED', 'lock the open vault first');
  };
  return {
    'app.info': () => ({
      version: app.version,
      host: app.host,
      defaultVaultPath: path.join(app.defaultVaultDir, `Werkbestand${VAULT_EXTENSION}`),
    }),
    'app.activity': () => {
      session.restartAutoLock();
      return { autoLockAt: session.autoLockAt()?.toISOString() ?? null };
    },
    'vault.recent': () => session.recent.list(),
    'vault.forgetRecent': ({ path: vaultPath }) => session.recent.forget(vaultPath),
    'vault.status': () => session.current()?.status() ?? LOCKED,
    'vault.create': async ({ path: vaultPath, passphrase, displayName }) => {
      requireNoVault();
      const { vault, recoveryKey } = await Vault.create(vaultPath, { passphrase, displayName }, vaultOptions);
      return { status: session.opened(vault).status(), recoveryKey };
    },
    'vault.unlock': async ({ path: vaultPath, passphrase }) => {
      requireNoVault();
      return session.opened(await Vault.unlock(vaultPath, { passphrase }, vaultOptions), { checkIntegrity: true }).status();
    },
    'vault.unlockWithRecoveryKey': async ({ path: vaultPath, recoveryKey }) => {
      requireNoVault();
      return session.opened(await Vault.unlock(vaultPath, { recoveryKey }, vaultOptions), { checkIntegrity: true }).status();
    },
    'vault.lock': async () => {
      await session.lockNow();
      return LOCKED;
    },
    'vault.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await requireVault().changePassphrase(currentPassphrase, newPassphrase);
      return { changed: true };
    },
    'vault.rotateKey': async ({ passphrase }) => {
      const vault = requireVault();
      const { recoveryKey } = await withProgress('rotate-key', () => vault.rotateKey(passphrase));
      return { rotated: true, recoveryKey };
    },
    'vault.showRecoveryKey': async ({ passphrase }) => ({ recoveryKey: await requireVault().recoveryKey(passphrase) }),
    'vault.backup': ({ targetPath, overwrite }) => {
      const vault = requireVault();
      // A folder: the suggested backup name inside it, as the settings screen suggests it.
      const target = resolveTargetPath(targetPath, suggestedFileName.backup(path.basename(vault.path, VAULT_EXTENSION), today(context())));
      return withProgress('backup', () => vault.backup(target, { overwrite }));
    },
    'settings.get': () => requireVault().settings(),
    'settings.update': (changes) => {
      const settings = requireVault().updateSettings(changes);
      // A new auto-lock period counts from now.
      session.restartAutoLock();
      return settings;
    },
    // Reading the trail is itself an access worth recording, but not one per page turned.
    'audit.list': ({ limit, beforeId, actions }) => {
      const vault = requireVault();
      if (beforeId === undefined) vault.audit('audit.viewed', {});
      return withItems(vault.database, vault.auditTrail(limit ?? 100, beforeId, actions));
    },
    'audit.verify': () => requireVault().verifyAuditTrail(),
  };
}
