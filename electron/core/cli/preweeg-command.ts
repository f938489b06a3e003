import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentOutput } from '../../../shared/api/documents';
import type { DossierSummary } from '../../../shared/api/dossier-types';
import type { Audience } from '../../../shared/domain/sharing';
import { withheldLines } from '../../../shared/i18n/sharing';
import { Core } from '../api/core';
import type { VaultOptions } from '../vault/vault';
import { UsageError, positional, takeFlag, takeOption, takeOptions } from './args';
import { FLAGS } from './flags';
import { noteIfReadOnly } from './error-line';

export const PREWEEG_USAGE = `Preweegdocumenten:
  preweeg <kluis> <dossiernummer> [--pdf <bestand>] [--docx <bestand>] [--overschrijven]
          [--ontvanger <organisatiecode>]... [--intern]
                                           Schrijf het preweegdocument van het dossier (de nieuwste
                                           versie; is er nog geen, dan wordt een concept opgesteld)
                                           als PDF en/of Word, voor de ontvangers (standaard: voor wie
                                           het is opgesteld; een nieuw concept: de lokale driehoek) of
                                           voor intern gebruik. Wat niet naar hen mag en beschermde
                                           gegevens blijven weggelaten; wat is weggelaten staat op stderr.`;

interface PreweegRuntime {
  options: VaultOptions;
  usage: string;
  credential(): Promise<string>;
  say(line: string): void;
  note(line: string): void;
}

/**
 * `kluis preweeg`: through a Core like the app, so the draft, the versions and the audit entries
 * are the app's own. PDF goes through headless Chromium (playwright-core); without it the command
 * stops with the Dutch PDF_UNAVAILABLE sentence, after the Word file if one was asked for.
 */
export async function runPreweegCommand(args: string[], runtime: PreweegRuntime): Promise<void> {
  const pdfPath = takeOption(args, FLAGS.pdf);
  const docxPath = takeOption(args, FLAGS.docx);
  const overwrite = takeFlag(args, FLAGS.overwrite);
  const recipients = takeOptions(args, FLAGS.audience);
  const internal = takeFlag(args, FLAGS.internal);
  const [vaultPath, dossierNumber] = positional(args, 2, runtime.usage);
  if (!pdfPath && !docxPath) throw new UsageError(`Geef --pdf <bestand>, --docx <bestand> of beide.\n\n${runtime.usage}`);
  if (internal && recipients.length > 0) throw new UsageError(`Geef ${FLAGS.audience.name} of ${FLAGS.internal.name}, niet allebei.`);
  if (!/^\d{4}-\d{4}$/.test(dossierNumber!)) throw new UsageError(`"${dossierNumber}" is geen dossiernummer (zoals 2025-0001).`);
  const passphrase = await runtime.credential();

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-cli-'));
  const core = new Core({ userDataDir, host: 'browser', appVersion: 'cli', vault: runtime.options });
  try {
    noteIfReadOnly(await core.call('vault.unlock', { path: path.resolve(vaultPath!), passphrase }), runtime.note);
    const audience = internal ? ({ kind: 'internal' } as const) : await audienceOf(core, recipients);
    const dossier = await findDossier(core, dossierNumber!);
    const documents = await core.call('document.list', { dossierId: dossier.id });
    let documentId = documents[0]?.id;
    if (documentId === undefined) {
      const draft = await core.call('document.compose', { dossierId: dossier.id, ...(audience ? { audience } : {}) });
      documentId = draft.document.id;
      runtime.note(
        `Er was nog geen preweegdocument: concept opgesteld (versie 1). Weggelaten: ${draft.omitted.length === 0 ? 'niets' : draft.omitted.map((item) => `${item.count}× ${OMITTED_WORDS[item.kind]}`).join(', ')}.`,
      );
      for (const line of draft.sharing ? withheldLines(draft.sharing) : []) runtime.note(`Concept: weggelaten ${line}`);
    }
    const outputs: Array<[string, DocumentOutput]> = [];
    const forWhom = audience ? { audience } : {};
    if (docxPath) outputs.push(['Word', await core.call('document.exportDocx', { documentId, targetPath: path.resolve(docxPath), overwrite, ...forWhom })]);
    if (pdfPath) outputs.push(['PDF', await core.call('document.exportPdf', { documentId, targetPath: path.resolve(pdfPath), overwrite, ...forWhom })]);
    for (const [kind, output] of outputs) {
      runtime.say(`${kind} geschreven: ${output.path} (versie ${output.version}, ${output.bytes} bytes, TLP:${output.sharing.marking}).`);
      for (const line of withheldLines(output.sharing.summary)) runtime.note(`${kind}: weggelaten ${line}`);
    }
  } finally {
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** The organisations named on the command line, each checked against the vault's organisation list; none: undefined (the default audience). */
async function audienceOf(core: Core, codes: string[]): Promise<Exclude<Audience, { kind: 'passphrase' }> | undefined> {
  if (codes.length === 0) return undefined;
  const known = new Set((await core.call('organisation.list', {})).map((organisation) => organisation.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) throw new UsageError(`Onbekende organisatie: ${unknown.join(', ')}. Kies een code uit de organisatielijst van de kluis (zoals politie, gemeente).`);
  return { kind: 'recipients', members: codes.map((organisation) => ({ organisation, person: null, verified: false })) };
}

const OMITTED_WORDS = { reporter: 'identiteit melder', bsn: 'BSN', internalNotes: 'interne notitie' } as const;

async function findDossier(core: Core, number: string): Promise<DossierSummary> {
  for (let offset = 0; ; offset += 500) {
    const page = await core.call('dossier.list', { sort: 'number', direction: 'asc', limit: 500, offset });
    const found = page.items.find((dossier) => dossier.number === number);
    if (found) return found;
    if (page.items.length === 0 || offset + page.items.length >= page.total) break;
  }
  throw new UsageError(`Dossier ${number} staat niet in deze kluis (of ligt in de prullenbak).`);
}
