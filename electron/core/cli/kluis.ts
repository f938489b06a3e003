#!/usr/bin/env node
/**
 * kluis: the command line for scripting, scheduled backups and disaster recovery.
 * Exit code 0 on success; 1 with a one-line Dutch message on stderr on failure; 2 for misuse.
 */
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DossierSummary } from '../../../shared/api/dossier-types';
import { DOSSIER_STATUS_LABELS_NL } from '../../../shared/domain/labels-nl';
import { escapeForTerminal } from '../../../shared/text/bidi';
import type { ReportFigures } from '../../../shared/api/reports';
import { Core } from '../api/core';
import { reportText } from '../reports/report-text';
import { createDemoVault } from '../demo/demo-data';
import { CoreError, toCoreError } from '../kernel/errors';
import { kdfCalibrationFromEnvironment } from '../vault/kdf';
import { restoreVault } from '../vault/restore';
import { Vault, type VaultCredential, type VaultOptions } from '../vault/vault';
import { CheckFailure, UsageError, positional as takePositional, takeFlag, takeOption } from './args';
import { FLAGS, aliasHelp } from './flags';
import { BUNDLE_USAGE, runBundleCommand } from './bundle-commands';
import { PREWEEG_USAGE, runPreweegCommand } from './preweeg-command';
import { REGISTER_USAGE, runRegisterCommand } from './register-command';
import { MEETING_USAGE, runMeetingCommand } from './meeting-commands';
import { readSecret } from './prompt';
import { errorLine, noteIfReadOnly } from './error-line';

const USAGE = `Gebruik: kluis <opdracht> [argumenten]

Opdrachten:
  create <kluis> [--naam <weergavenaam>]   Maak een nieuwe kluis; toont de herstelsleutel één keer.
  check <kluis>                            Controleer de kluis volledig (integriteit en logboekketen).
  backup <kluis> <bestand> [--overschrijven]
                                           Maak een versleutelde reservekopie (met .keys-bestand);
                                           een bestaand bestand alleen met --overschrijven.
  restore <reservekopie> <kluis>           Zet een reservekopie terug; een bestaande kluis blijft bewaard
                                           als <kluis>.voor-herstel-<tijd>.
  change-passphrase <kluis>                Wijzig het wachtwoord.
  recover-key <kluis> [--herstelsleutel]   Toon de ruwe SQLCipher-sleutel (64 hex) voor noodherstel.
  demo <kluis>                             Maak een nieuwe kluis met verzonnen demogegevens; zonder
                                           KLUIS_PASSPHRASE wordt een wachtwoord gemaakt en getoond.
  dossiers <kluis>                         Toon de dossiers, één per regel: nummer, status, titel.
  report <kluis> --jaar <jaar> [--csv <bestand>] [--pdf <bestand>] [--overschrijven]
                                           Toon de cijfers van de jaarrapportage (alleen aantallen;
                                           1 tot 4 als "< 5"); met --csv ook als CSV-bestand, met
                                           --pdf als PDF met tabellen en grafieken (Chromium nodig).
${BUNDLE_USAGE}
${PREWEEG_USAGE}
${REGISTER_USAGE}
${MEETING_USAGE}
Wachtwoord: uit KLUIS_PASSPHRASE als die gezet is (KLUIS_NEW_PASSPHRASE voor een nieuw wachtwoord,
KLUIS_RECOVERY_KEY voor de herstelsleutel, KLUIS_BUNDEL_WACHTWOORD voor een bundelwachtwoord),
anders wordt erom gevraagd zonder het te tonen.

${aliasHelp()}`;

function vaultOptions(): VaultOptions {
  return { kdf: kdfCalibrationFromEnvironment() };
}

// Texts from a bundle may carry bidi controls or terminal escapes: never printed raw (shared/text/bidi.ts).
function say(line: string): void {
  process.stdout.write(escapeForTerminal(line) + '\n');
}

function note(line: string): void {
  process.stderr.write(escapeForTerminal(line) + '\n');
}

/** A passphrase being set: from the environment, or typed twice at a terminal. */
async function newPassphrase(envName: 'KLUIS_PASSPHRASE' | 'KLUIS_NEW_PASSPHRASE'): Promise<string> {
  const first = await readSecret(envName, 'Nieuw wachtwoord (minstens 12 tekens): ');
  if (!process.env[envName] && process.stdin.isTTY) {
    const second = await readSecret(envName, 'Herhaal het nieuwe wachtwoord: ');
    if (first !== second) throw new UsageError('De twee wachtwoorden zijn niet gelijk.');
  }
  return first;
}

async function credential(useRecoveryKey: boolean): Promise<VaultCredential> {
  if (useRecoveryKey) return { recoveryKey: await readSecret('KLUIS_RECOVERY_KEY', 'Herstelsleutel: ') };
  return { passphrase: await readSecret('KLUIS_PASSPHRASE', 'Wachtwoord: ') };
}

/** Short, plain words for a generated demo passphrase: five of them give about 30 bits, enough for a demo. */
const PASSPHRASE_WORDS = [
  'appel',
  'beuk',
  'brug',
  'dijk',
  'duin',
  'eend',
  'fiets',
  'gracht',
  'haven',
  'heide',
  'hooi',
  'kaas',
  'klomp',
  'kreek',
  'lamp',
  'molen',
  'mossel',
  'paard',
  'polder',
  'raam',
  'regen',
  'schaats',
  'sluis',
  'spoor',
  'stroop',
  'tulp',
  'veer',
  'vlag',
  'vos',
  'wolk',
  'zand',
  'zeil',
  'boter',
  'dorp',
  'gans',
  'kerk',
  'kruid',
  'meeuw',
  'net',
  'plein',
  'riet',
  'schuur',
  'sloot',
  'toren',
  'uil',
  'wiel',
  'zomer',
  'klok',
] as const;

/** Five random words (crypto.randomInt), separated by spaces: "molen tulp kaas fiets dijk". */
function generatedPassphrase(): string {
  return Array.from({ length: 5 }, () => PASSPHRASE_WORDS[randomInt(PASSPHRASE_WORDS.length)]).join(' ');
}

/** Every dossier of the vault by number, through a Core whose recent list lives in a temporary folder. */
async function listDossiers(vaultPath: string, passphrase: string, options: VaultOptions): Promise<DossierSummary[]> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-cli-'));
  const core = new Core({ userDataDir, host: 'browser', appVersion: 'cli', vault: options });
  try {
    noteIfReadOnly(await core.call('vault.unlock', { path: vaultPath, passphrase }), note);
    const dossiers: DossierSummary[] = [];
    for (;;) {
      const page = await core.call('dossier.list', { sort: 'number', direction: 'asc', limit: 500, offset: dossiers.length });
      dossiers.push(...page.items);
      if (page.items.length === 0 || dossiers.length >= page.total) return dossiers;
    }
  } finally {
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** The year report's figures, and the CSV and PDF written through the core (which records the exports). */
async function yearReport(
  vaultPath: string,
  passphrase: string,
  options: VaultOptions,
  year: number,
  files: { csv: string | null; pdf: string | null; overwrite: boolean },
): Promise<{ figures: ReportFigures; names: Map<string, string> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-cli-'));
  const core = new Core({ userDataDir, host: 'browser', appVersion: 'cli', vault: options });
  try {
    noteIfReadOnly(await core.call('vault.unlock', { path: vaultPath, passphrase }), note);
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    const figures = await core.call('report.figures', period);
    if (files.csv) await core.call('report.exportCsv', { ...period, targetPath: path.resolve(files.csv), overwrite: files.overwrite });
    if (files.pdf) await core.call('report.exportPdf', { ...period, targetPath: path.resolve(files.pdf), overwrite: files.overwrite });
    // Origins by the organisation list's names, as the CSV and the PDF show them.
    const names = new Map((await core.call('organisation.list', {})).map((organisation) => [organisation.code, organisation.name]));
    return { figures, names };
  } finally {
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

function positional(args: string[], count: number): string[] {
  return takePositional(args, count, USAGE);
}

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const options = vaultOptions();
  switch (command) {
    case 'create': {
      const displayName = takeOption(args, FLAGS.displayName) ?? os.userInfo().username;
      const [vaultPath] = positional(args, 1);
      const passphrase = await newPassphrase('KLUIS_PASSPHRASE');
      const { vault, recoveryKey } = await Vault.create(vaultPath!, { passphrase, displayName }, options);
      vault.lock();
      note(`Kluis aangemaakt: ${vault.path} (met sleutelbestand ${path.basename(vault.path)}.keys).`);
      note('Herstelsleutel — schrijf hem op of print hem en bewaar hem in een kluis. Hij wordt niet opnieuw getoond:');
      say(recoveryKey);
      return;
    }
    case 'check': {
      const [vaultPath] = positional(args, 1);
      const vault = await Vault.unlock(vaultPath!, await credential(false), options);
      noteIfReadOnly(vault.status(), note);
      let auditEntries: number;
      try {
        const removed = vault.removeStaleTemporaryFiles();
        if (removed.length > 0) {
          const count = removed.length === 1 ? '1 achtergebleven tijdelijk bestand' : `${removed.length} achtergebleven tijdelijke bestanden`;
          note(`${count} verwijderd van een afgebroken herstel: ${removed.map((file) => path.basename(file)).join(', ')}.`);
        }
        const result = vault.database.pragma('integrity_check', { simple: true });
        if (result !== 'ok') throw new CoreError('VAULT_CORRUPT', `integrity_check: ${result}`);
        const chain = vault.verifyAuditTrail();
        if (!chain.intact) {
          throw new CheckFailure(`kluis: Het logboek is gewijzigd: de hashketen klopt niet vanaf regel ${chain.firstBrokenId}.`);
        }
        auditEntries = chain.entries;
        vault.audit('vault.checked', {});
      } finally {
        vault.lock();
      }
      say(`Kluis in orde: integriteitscontrole geslaagd, logboekketen intact (${auditEntries} regels).`);
      return;
    }
    case 'backup': {
      const overwrite = takeFlag(args, FLAGS.overwrite);
      const [vaultPath, target] = positional(args, 2);
      const vault = await Vault.unlock(vaultPath!, await credential(false), options);
      noteIfReadOnly(vault.status(), note);
      try {
        const result = vault.backup(target!, { overwrite });
        say(`Reservekopie gemaakt: ${result.path} (${result.bytes} bytes) en ${result.path}.keys.`);
      } finally {
        vault.lock();
      }
      return;
    }
    case 'restore': {
      const [backupPath, vaultPath] = positional(args, 2);
      const result = await restoreVault(backupPath!, vaultPath!, ((await credential(false)) as { passphrase: string }).passphrase, options);
      if (result.previousVaultMovedTo) note(`De bestaande kluis is bewaard als ${result.previousVaultMovedTo}.`);
      say(`Reservekopie teruggezet naar ${result.path}.`);
      return;
    }
    case 'change-passphrase': {
      const [vaultPath] = positional(args, 1);
      const current = ((await credential(false)) as { passphrase: string }).passphrase;
      const vault = await Vault.unlock(vaultPath!, { passphrase: current }, options);
      try {
        // Before asking for the new one: it could not be stored.
        if (vault.readOnly) throw new CoreError('VAULT_READ_ONLY', `vault ${vault.path} is read-only`);
        await vault.changePassphrase(current, await newPassphrase('KLUIS_NEW_PASSPHRASE'));
      } finally {
        vault.lock();
      }
      say('Wachtwoord gewijzigd. Het oude wachtwoord werkt niet meer.');
      return;
    }
    case 'recover-key': {
      const useRecoveryKey = takeFlag(args, FLAGS.recoveryKey);
      const [vaultPath] = positional(args, 1);
      const hexKey = await Vault.revealDatabaseKey(vaultPath!, await credential(useRecoveryKey), options);
      note('Dit is de ruwe databasesleutel. Wie hem heeft, kan de kluis lezen. Zie README, "Noodherstel".');
      say(hexKey);
      return;
    }
    case 'demo': {
      const [vaultPath] = positional(args, 1);
      const target = path.resolve(vaultPath!);
      if (fs.existsSync(target) || fs.existsSync(`${target}.keys`)) {
        throw new CheckFailure(`kluis: Er staat al een kluis op ${target}. Verwijder die eerst (met het .keys-bestand) of kies een andere plek.`);
      }
      const fromEnvironment = process.env.KLUIS_PASSPHRASE;
      const passphrase = fromEnvironment || generatedPassphrase();
      if (!fromEnvironment) {
        note('Let op: dit is het gemaakte wachtwoord van de demokluis. Schrijf het op: het wordt niet opnieuw getoond (ook de herstelsleutel niet):');
        say(passphrase);
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const summary = await createDemoVault(target, passphrase, options);
      say(`Demokluis aangemaakt: ${target} (verzonnen gegevens).`);
      say(
        `${summary.signals} signalen, ${summary.dossiers} dossiers, ${summary.subjects} subjecten, ` +
          `${summary.dossierLinks + summary.subjectLinks} koppelingen, ${summary.notes} notities, ${summary.measures} interventies, ${summary.attachments} bijlagen.`,
      );
      return;
    }
    case 'dossiers': {
      const [vaultPath] = positional(args, 1);
      const { passphrase } = (await credential(false)) as { passphrase: string };
      const dossiers = await listDossiers(vaultPath!, passphrase, options);
      if (dossiers.length === 0) note('Deze kluis bevat nog geen dossiers.');
      const labels = dossiers.map((dossier) => DOSSIER_STATUS_LABELS_NL[dossier.status]);
      const width = Math.max(0, ...labels.map((label) => label.length));
      dossiers.forEach((dossier, index) => say(`${dossier.number}  ${labels[index]!.padEnd(width)}  ${dossier.title}`));
      return;
    }
    case 'report': {
      const yearText = takeOption(args, FLAGS.year);
      const csvPath = takeOption(args, FLAGS.csv);
      const overwrite = takeFlag(args, FLAGS.overwrite);
      const pdfPath = takeOption(args, FLAGS.pdf);
      const [vaultPath] = positional(args, 1);
      if (!yearText || !/^\d{4}$/.test(yearText)) throw new UsageError('Geef het jaar met --jaar, bijvoorbeeld --jaar 2025.');
      const { passphrase } = (await credential(false)) as { passphrase: string };
      const { figures, names } = await yearReport(vaultPath!, passphrase, options, Number(yearText), { csv: csvPath ?? null, pdf: pdfPath ?? null, overwrite });
      say(`Jaarrapportage meldpunt ${yearText}`);
      say('');
      say(reportText(figures, names));
      if (csvPath) note(`CSV geschreven: ${path.resolve(csvPath)}`);
      if (pdfPath) note(`PDF geschreven: ${path.resolve(pdfPath)}`);
      return;
    }
    case 'identity':
    case 'partner':
    case 'export':
    case 'import':
      await runBundleCommand(command, args, { options, usage: USAGE, credential: async () => ((await credential(false)) as { passphrase: string }).passphrase, say, note });
      return;
    case 'preweeg':
      await runPreweegCommand(args, { options, usage: USAGE, credential: async () => ((await credential(false)) as { passphrase: string }).passphrase, say, note });
      return;
    case 'verstrekkingen':
      await runRegisterCommand(args, { options, usage: USAGE, credential: async () => ((await credential(false)) as { passphrase: string }).passphrase, say, note });
      return;
    case 'overleggen':
    case 'agenda':
      await runMeetingCommand(command, args, { options, usage: USAGE, credential: async () => ((await credential(false)) as { passphrase: string }).passphrase, say, note });
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      say(USAGE);
      return;
    default:
      throw new UsageError(`Onbekende opdracht "${command}".\n\n${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      note(error.message);
      process.exit(2);
    }
    if (error instanceof CheckFailure) {
      note(error.message);
      process.exit(1);
    }
    note(errorLine(process.argv[2], toCoreError(error, 'kluis')));
    process.exit(1);
  },
);
