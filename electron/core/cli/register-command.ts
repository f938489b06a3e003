import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDate } from '../../../shared/domain/dates';
import type { Disclosure } from '../../../shared/domain/sharing';
import { Core } from '../api/core';
import { DISCLOSURE_CHANNEL_LABELS, DISCLOSURE_OUTPUT_LABELS } from '../../../shared/i18n/sharing';
import { describeAudience } from '../sharing/audience';
import type { VaultOptions } from '../vault/vault';
import { UsageError, positional, takeOption } from './args';
import { FLAGS } from './flags';
import { noteIfReadOnly } from './error-line';

export const REGISTER_USAGE = `Verstrekkingenregister:
  verstrekkingen <kluis> [--dossier <dossiernummer>]
                                           Toon elke verstrekking (bundel, document, overleg, bestand),
                                           één per regel, oudste eerst: datum, dossier(s), ontvanger(s),
                                           kanaal en aantal gegevens; met --dossier alleen die van dat
                                           dossier, en alleen de gegevens erover geteld.`;

interface RegisterRuntime {
  options: VaultOptions;
  usage: string;
  credential(): Promise<string>;
  say(line: string): void;
  note(line: string): void;
}

/**
 * `kluis verstrekkingen`: the disclosure register, read through a Core like the app's own tab
 * (`disclosure.list`, derived from the audit trail), so the two cannot tell different stories.
 * Reading it is not itself recorded, as the tab's reading is not.
 */
export async function runRegisterCommand(args: string[], runtime: RegisterRuntime): Promise<void> {
  const dossierNumber = takeOption(args, FLAGS.dossier);
  const [vaultPath] = positional(args, 1, runtime.usage);
  if (dossierNumber !== undefined && !/^\d{4}-\d{4}$/.test(dossierNumber)) throw new UsageError(`"${dossierNumber}" is geen dossiernummer (zoals 2025-0001).`);
  const passphrase = await runtime.credential();

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-cli-'));
  const core = new Core({ userDataDir, host: 'browser', appVersion: 'cli', vault: runtime.options });
  try {
    noteIfReadOnly(await core.call('vault.unlock', { path: path.resolve(vaultPath!), passphrase }), runtime.note);
    const dossierId = dossierNumber === undefined ? undefined : await findDossierId(core, dossierNumber);
    const disclosures = (await core.call('disclosure.list', dossierId === undefined ? {} : { dossierId })).reverse();
    const names = new Map((await core.call('organisation.list', {})).map((organisation) => [organisation.code, organisation.name]));
    if (disclosures.length === 0) {
      runtime.note(dossierNumber === undefined ? 'Er is nog niets verstrekt uit deze kluis.' : `Uit dossier ${dossierNumber} is nog niets verstrekt.`);
      return;
    }
    for (const line of registerLines(disclosures, names)) runtime.say(line);
  } finally {
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** How a disclosure went: "bundel", or "pdf (preweegdocument)" where the channel alone does not say what it was. */
function channelText(disclosure: Disclosure): string {
  const channel = DISCLOSURE_CHANNEL_LABELS.nl[disclosure.channel];
  const output = DISCLOSURE_OUTPUT_LABELS.nl[disclosure.output];
  return channel === output ? channel : `${channel} (${output})`;
}

/**
 * One line per disclosure, the columns padded to line up:
 * "03-12-2026  2025-0001  Politie (J. de Vries)  bundel  12 gegevens".
 */
export function registerLines(disclosures: readonly Disclosure[], names: ReadonlyMap<string, string>): string[] {
  const rows = disclosures.map((disclosure) => [
    formatDate(disclosure.occurredAt, 'nl'),
    disclosure.dossiers.length === 0 ? '–' : disclosure.dossiers.map((dossier) => dossier.number).join(', '),
    describeAudience(disclosure.audience, names),
    channelText(disclosure),
    disclosure.items.length === 1 ? '1 gegeven' : `${disclosure.items.length} gegevens`,
  ]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < widths.length ? cell.padEnd(widths[column]!) : cell)).join('  '));
}

async function findDossierId(core: Core, number: string): Promise<number> {
  for (let offset = 0; ; offset += 500) {
    const page = await core.call('dossier.list', { sort: 'number', direction: 'asc', limit: 500, offset });
    const found = page.items.find((dossier) => dossier.number === number);
    if (found) return found.id;
    if (page.items.length === 0 || offset + page.items.length >= page.total) break;
  }
  throw new UsageError(`Dossier ${number} staat niet in deze kluis (of ligt in de prullenbak).`);
}
