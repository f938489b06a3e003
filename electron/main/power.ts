import { powerMonitor } from 'electron';
import type { CoreService } from '../core/api/core-service';

/** A laptop that sleeps or a screen that locks may be left unattended: lock the vault. */
export function lockOnSuspendAndScreenLock(core: CoreService): void {
  powerMonitor.on('suspend', () => void core.lock('suspend'));
  powerMonitor.on('lock-screen', () => void core.lock('screen-lock'));
}
