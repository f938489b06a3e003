// Who may call the core over IPC. Pure, so the rules are unit-tested without Electron.
import { isAppOriginUrl } from './app-origin';

/** The sender frame's URL must be our own app origin (`app://dossierkluis/...`). */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  return isAppOriginUrl(url);
}

/** What ipc.ts reads off an IPC event; kept as plain facts so the decision stays testable. */
export interface SenderFacts {
  url: string | undefined;
  /** The frame is the top-level frame (not an iframe). */
  isMainFrame: boolean;
  /** The frame belongs to our main window's webContents. */
  isOurWindow: boolean;
}

/** An iframe or another window never reaches the core, even when it shows an app:// page. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.isOurWindow && facts.isMainFrame && isTrustedSenderUrl(facts.url);
}
