import { describe, expect, it } from 'vitest';
import { attachmentApi } from '../../shared/api/attachments';
import { auditApi } from '../../shared/api/audit';
import { bundleApi } from '../../shared/api/bundles';
import { documentApi } from '../../shared/api/documents';
import { dossierApi } from '../../shared/api/dossiers';
import { meetingApi } from '../../shared/api/meetings';
import { reportApi } from '../../shared/api/reports';
import { searchApi } from '../../shared/api/search';
import { sharingApi } from '../../shared/api/sharing';
import { vaultApi } from '../../shared/api/vault';
import { api } from '../../shared/api';
import { createAttachmentHandlers } from '../../electron/core/attachments/handlers';
import { createImmediateHandlers } from '../../electron/core/attachments/immediate-handlers';
import { createBundleHandlers } from '../../electron/core/bundles/handlers';
import { createDocumentHandlers } from '../../electron/core/documents/handlers';
import { createDossierHandlers } from '../../electron/core/dossiers/handlers';
import { createMeetingHandlers } from '../../electron/core/meetings/handlers';
import { createReportHandlers } from '../../electron/core/reports/handlers';
import { createSharingHandlers } from '../../electron/core/sharing/handlers';
import { createVaultHandlers } from '../../electron/core/vault/handlers';
import { JobCancellation } from '../../electron/core/kernel/job-cancellation';
import type { HandlerDependencies } from '../../electron/core/kernel/handler-types';

// Building the handler maps touches none of the dependencies; any use of one here is a bug.
const untouched = new Proxy({} as HandlerDependencies, {
  get: (_target, key) => {
    throw new Error(`a handler factory used ${String(key)} while building its map`);
  },
});
const lazyDependencies = new Proxy({} as HandlerDependencies, {
  get: (_target, key) => (key === 'bundles' || key === 'vaultOptions' || key === 'app' || key === 'session' ? untouched : () => untouched),
});

/**
 * Where a handler lives follows from where it is declared: each contract file in shared/api has
 * its domain folder in electron/core with a handlers.ts that implements exactly its entries. So a
 * new handler is one contract entry and one domain folder, nothing in between.
 */
const DOMAINS = [
  { folder: 'vault', contracts: [vaultApi, auditApi], handlers: createVaultHandlers(lazyDependencies) },
  { folder: 'dossiers', contracts: [dossierApi, searchApi], handlers: createDossierHandlers(lazyDependencies) },
  {
    folder: 'attachments',
    contracts: [attachmentApi],
    handlers: { ...createAttachmentHandlers(lazyDependencies), ...createImmediateHandlers(new JobCancellation()) },
  },
  { folder: 'documents', contracts: [documentApi], handlers: createDocumentHandlers(lazyDependencies) },
  { folder: 'meetings', contracts: [meetingApi], handlers: createMeetingHandlers(lazyDependencies) },
  { folder: 'reports', contracts: [reportApi], handlers: createReportHandlers(lazyDependencies) },
  { folder: 'bundles', contracts: [bundleApi], handlers: createBundleHandlers(lazyDependencies) },
  { folder: 'sharing', contracts: [sharingApi], handlers: createSharingHandlers(lazyDependencies) },
];

describe('every contract entry is implemented in its own domain folder', () => {
  for (const domain of DOMAINS) {
    it(`electron/core/${domain.folder}/handlers.ts implements exactly its contract`, () => {
      const declared = domain.contracts.flatMap((contract) => Object.keys(contract)).sort();
      expect(Object.keys(domain.handlers).sort()).toEqual(declared);
    });
  }

  it('the domains together are the whole contract, each handler once', () => {
    const implemented = DOMAINS.flatMap((domain) => Object.keys(domain.handlers));
    expect(new Set(implemented).size).toBe(implemented.length);
    expect(implemented.sort()).toEqual(Object.keys(api).sort());
  });
});
