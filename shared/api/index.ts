import type { z } from 'zod';
import type { HandlerDefinition } from './define';
import type { Result } from './errors';
import type { CoreEvent } from './events';
import type { FileChoiceRequest } from './file-choice';
import { attachmentApi } from './attachments';
import { auditApi } from './audit';
import { bundleApi } from './bundles';
import { documentApi, type DocumentPrintRequest } from './documents';
import { meetingApi } from './meetings';
import { dossierApi } from './dossiers';
import { reportApi } from './reports';
import { searchApi } from './search';
import { sharingApi } from './sharing';
import { vaultApi } from './vault';

export * from './attachments';
export * from './audit';
export * from './bundles';
export * from './documents';
export * from './meetings';
export * from './errors';
export * from './vault';
export * from './events';
export * from './file-choice';
export * from './dossiers';
export * from './dossier-types';
export * from './subject-details';
export * from './search';
export * from './reports';
export * from './sharing';

/**
 * The whole contract between UI and core: the sum of every domain's handler declarations.
 * Later domains (dossiers, meetings, bundles, reports) add their own object here.
 */
export const api = {
  ...vaultApi,
  ...dossierApi,
  ...attachmentApi,
  ...auditApi,
  ...searchApi,
  ...bundleApi,
  ...documentApi,
  ...meetingApi,
  ...reportApi,
  ...sharingApi,
} as const;

export type Api = typeof api;
export type HandlerName = keyof Api;

type DefinitionOf<K extends HandlerName> = Api[K] extends HandlerDefinition<infer S, infer R> ? { schema: S; result: R } : never;

/** What the caller passes (before validation). */
export type Input<K extends HandlerName> = z.input<DefinitionOf<K>['schema']>;
/** What the handler receives (after validation, defaults applied). */
export type ParsedInput<K extends HandlerName> = z.output<DefinitionOf<K>['schema']>;
export type Output<K extends HandlerName> = DefinitionOf<K>['result'];

export const HANDLER_NAMES = Object.keys(api) as HandlerName[];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The one object the renderer talks to, whatever the transport (Electron IPC or the browser host). */
export interface DossierkluisBridge {
  call<K extends HandlerName>(name: K, input: Input<K>): Promise<Result<Output<K>>>;
  /** Subscribe to core events; returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /**
   * Let the user pick a file in the operating system's own dialog; resolves to the chosen path, or
   * null when the dialog was cancelled (or the request refused). Optional, and not part of the core
   * contract above: only the Electron preload offers it. The browser host has no native dialog (a
   * web page cannot learn a full path), and the core never opens dialogs, so the renderer shows a
   * "browse" button only where this method exists and keeps the plain path field everywhere.
   */
  chooseFile?(request: FileChoiceRequest): Promise<string | null>;
  /**
   * Print a document version through the operating system's print dialog; resolves to whether it
   * was printed (and so recorded in the audit trail). Only the Electron preload offers it; the
   * browser host prints the page itself.
   */
  printDocument?(request: DocumentPrintRequest): Promise<boolean>;
}
