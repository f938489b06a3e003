import type { Core } from '../../../electron/core/api/core';
import { coreContextFor, type CoreContext } from '../../../electron/core/kernel/context';
import type { Vault } from '../../../electron/core/vault/vault';

/**
 * The CoreContext of a Core's open vault, for a test that sets up what no handler writes yet
 * (provenance on a fact, a disclosure in the register) on the same connection the handlers use.
 * `requireVault` is private to Core only for the type checker.
 */
export function contextOf(core: Core): CoreContext {
  return coreContextFor((core as unknown as { requireVault(): Vault }).requireVault());
}
