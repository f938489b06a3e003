import type { bundleApi } from '../../../shared/api/bundles';
import { addPartner, listPartners, namedCard, previewCard, readCardFile, removePartner, setPartnerOrganisation, verifyPartner } from './address-book';
import { exportBundle, previewExport } from './export';
import { loadVaultKeys, setOrganisation, vaultIdentity } from './identity';
import { importBundle, inspectBundle } from './import';
import { provenanceOf } from './item-uids';
import { coreContextFor, today } from '../kernel/context';
import type { HandlerDependencies, HandlerImplementations } from '../kernel/handler-types';
import { writableTarget, writeOutputFile } from '../kernel/output-files';
import { suggestedFileName } from '../../../shared/domain/file-names';

/**
 * Bundles and the address book over the open vault (electron/core/bundles/*). Export, inspection
 * and import report their bytes as job.progress ('bundle-export', 'bundle-inspect', 'bundle-import').
 */
export function createBundleHandlers({ requireVault, withProgress, now, bundles: bundleOptions }: HandlerDependencies): HandlerImplementations<keyof typeof bundleApi> {
  // One vault for the whole job: the context and the keys come from the same unlocked vault.
  const context = (vault = requireVault()) => coreContextFor(vault, now);
  return {
    'bundle.identity': () => {
      const vault = requireVault();
      return vaultIdentity(vault.database, vault.displayName);
    },
    'bundle.setOrganisation': ({ organisation }) => {
      const vault = requireVault();
      vault.database.transaction(() => {
        setOrganisation(vault.database, organisation);
        vault.audit('bundle.organisation-set', { organisation });
      })();
      return vaultIdentity(vault.database, vault.displayName);
    },
    'bundle.writeCard': ({ targetPath, overwrite }) => {
      const vault = requireVault();
      const { card } = vaultIdentity(vault.database, vault.displayName);
      const target = writableTarget(vault, targetPath, overwrite, suggestedFileName.partnerCard(vault.displayName));
      writeOutputFile(target, `${JSON.stringify(card, null, 2)}\n`, 'write partner card');
      vault.audit('bundle.card-written', { path: target, fingerprint: card.fingerprint });
      return { path: target };
    },
    'bundle.writeAgeIdentity': ({ targetPath, overwrite }) => {
      const vault = requireVault();
      const target = writableTarget(vault, targetPath, overwrite, suggestedFileName.ageIdentity(vault.displayName));
      const keys = loadVaultKeys(vault.database);
      // The layout of age-keygen's output, so that `age -d -i <file>` and `age-keygen -y <file>` read it.
      const content = `# Dossierkluis: ${vault.displayName}\n# created: ${(now?.() ?? new Date()).toISOString()}\n# public key: ${keys.ageRecipient}\n${keys.ageIdentity}\n`;
      writeOutputFile(target, content, 'write age identity');
      vault.audit('bundle.age-identity-written', { path: target, ageRecipient: keys.ageRecipient });
      return { path: target };
    },

    'addressBook.list': () => listPartners(requireVault().database),
    'addressBook.readCard': ({ path: cardPath }) => previewCard(requireVault().database, readCardFile(cardPath)),
    'addressBook.add': ({ path: cardPath, verified, organisationCode, name, organisation }) =>
      addPartner(context(), namedCard(readCardFile(cardPath), name, organisation), verified, organisationCode),
    'addressBook.setOrganisation': ({ partnerId, organisationCode }) => setPartnerOrganisation(context(), partnerId, organisationCode),
    'addressBook.verify': ({ partnerId }) => verifyPartner(context(), partnerId),
    'addressBook.remove': ({ partnerId }) => removePartner(context(), partnerId),

    'bundle.exportPreview': (input) => previewExport(context(), input),
    'bundle.export': (input) => {
      const vault = requireVault();
      const current = context(vault);
      // A folder takes the suggested name; the export writes to the resolved file.
      const targetPath = writableTarget(vault, input.targetPath, input.overwrite, suggestedFileName.bundle(today(current)));
      const keys = loadVaultKeys(vault.database);
      return withProgress('bundle-export', (report) => exportBundle(current, keys, { ...input, targetPath }, bundleOptions, report));
    },
    'bundle.inspect': (input) => {
      const vault = requireVault();
      const keys = loadVaultKeys(vault.database);
      return withProgress('bundle-inspect', (report) => inspectBundle(context(vault), keys, input, report));
    },
    'bundle.import': (input) => {
      const vault = requireVault();
      const keys = loadVaultKeys(vault.database);
      return withProgress('bundle-import', (report) => importBundle(context(vault), keys, input, report));
    },
    'bundle.provenance': ({ kind, id }) => provenanceOf(requireVault().database, kind, id),
  };
}
