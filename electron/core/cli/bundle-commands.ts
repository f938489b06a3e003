import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BundleInspection, ExportPreview, Fingerprint, HandlerName, Input, Output } from '../../../shared/api';
import { BUNDLE_PASSPHRASE_MIN_LENGTH } from '../../../shared/api/bundles';
import { formatDateTime } from '../../../shared/domain/dates';
import { validationMessages } from '../../../shared/i18n/validation';
import { WITHHOLD_REASON_LABELS, withheldLines } from '../../../shared/i18n/sharing';
import { Core } from '../api/core';
import { parsePartnerCard } from '../bundles/identity';
import { CoreError } from '../kernel/errors';
import { assertRegularFile } from '../kernel/source-files';
import type { VaultOptions } from '../vault/vault';
import { CheckFailure, UsageError, positional, takeFlag, takeOption, takeOptions } from './args';
import { FLAGS } from './flags';
import { readSecret } from './prompt';
import { noteIfReadOnly } from './error-line';

/** The bundle commands of kluis (the format is described in docs/bundle-format.md). */

export const BUNDLE_USAGE = `
Bundels (versleuteld en ondertekend uitwisselen met partners, zie docs/bundle-format.md):
  identity <kluis> [--kaart <bestand>] [--age-sleutel <bestand>] [--organisatie <naam>]
                                           Toon de age-ontvanger en vingerafdruk van deze kluis; schrijf
                                           met --kaart de partnerkaart, met --age-sleutel de geheime
                                           age-sleutel (voor age -d -i; na een waarschuwing).
  partner add <kluis> <kaart> [--vergeleken] [--organisatie <code>] [--naam <naam>]
                                           Zet een partnerkaart in het adresboek (--vergeleken: de
                                           vingerafdruk is met de partner vergeleken; --organisatie:
                                           de organisatie uit de organisatielijst, voor de deelregels).
                                           Ook een kale age-sleutel (age1…, uit age-keygen -y), met
                                           --naam: zo'n partner kan bundels ontvangen, maar zijn
                                           bundels zijn niet als van hem te herkennen.
  partner organisation <kluis> <id> <code|->
                                           Leg de organisatie van een partner vast (- : geen).
  partner list <kluis>                     Toon het adresboek.
  partner verify <kluis> <id>              Leg vast dat de vingerafdruk vandaag is vergeleken.
  partner remove <kluis> <id>              Haal een partner uit het adresboek.
  export <kluis> --dossier <nummer>... (--ontvanger <age1...|kaartbestand>... | --bundelwachtwoord)
         --naar <bestand> [--tlp-overschrijven <reden>] [--met-melder] [--met-bsn]
         [--met-interne-notities] [--zonder-bijlagen] [--overschrijven]
                                           Maak een bundel van de dossiers. Wat de deelregels niet
                                           toestaan blijft achter; --tlp-overschrijven geeft het
                                           toch mee, met een reden voor het logboek en het register.
  import <kluis> <bestand> [--ja] [--accepteer-afzender <vingerafdruk>] [--overslaan <nummer>]...
         [--nieuw <nummer>]...
                                           Toon wat de bundel bevat en wat er zou gebeuren; importeer
                                           pas met --ja (alles of niets).
`;

export interface BundleCommandContext {
  options: VaultOptions;
  usage: string;
  /** The vault's passphrase (KLUIS_PASSPHRASE, a prompt, or a line from a pipe). */
  credential(): Promise<string>;
  say(line: string): void;
  note(line: string): void;
}

type Caller = <K extends HandlerName>(name: K, input: Input<K>) => Promise<Output<K>>;

/** Open the vault in a Core (its recent list in a temporary folder), run `work`, lock. */
async function withVault<T>(vaultPath: string, context: BundleCommandContext, work: (call: Caller) => Promise<T>): Promise<T> {
  const passphrase = await context.credential();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-cli-'));
  // The same switch that makes Argon2id fast for tests makes age's scrypt fast too.
  const bundles = { generator: 'Dossierkluis (kluis)', ...(process.env.DOSSIERKLUIS_KDF_FAST === '1' ? { scryptLogN: 10 } : {}) };
  const core = new Core({ userDataDir, host: 'browser', appVersion: 'cli', vault: context.options, bundles });
  const call: Caller = (name, input) => core.call(name, input);
  try {
    noteIfReadOnly(await call('vault.unlock', { path: vaultPath, passphrase }), context.note);
    return await work(call);
  } finally {
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

function fingerprintLines(fingerprint: Fingerprint): string[] {
  return [`  ${fingerprint.groups.join(' ')}`, `  ${fingerprint.words.slice(0, 8).join(' ')}`, `  ${fingerprint.words.slice(8).join(' ')}`];
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function identity(args: string[], context: BundleCommandContext): Promise<void> {
  const cardPath = takeOption(args, FLAGS.card);
  const ageIdentityPath = takeOption(args, FLAGS.ageIdentity);
  const organisation = takeOption(args, FLAGS.organisation);
  const [vaultPath] = positional(args, 1, context.usage);
  await withVault(vaultPath!, context, async (call) => {
    const own = organisation === undefined ? await call('bundle.identity', {}) : await call('bundle.setOrganisation', { organisation });
    context.say(`Naam:          ${own.name}`);
    context.say(`Organisatie:   ${own.organisation || '(niet ingesteld; zet met --organisatie)'}`);
    context.say(`age-ontvanger: ${own.ageRecipient}`);
    context.say('Vingerafdruk (vergelijk deze met uw partner, bijvoorbeeld telefonisch):');
    for (const line of fingerprintLines(own.fingerprint)) context.say(line);
    if (cardPath) {
      const written = await call('bundle.writeCard', { targetPath: cardPath });
      context.note(`Partnerkaart geschreven: ${written.path}`);
    }
    if (ageIdentityPath) {
      context.note(
        'Let op: dit bestand bevat de GEHEIME sleutel van deze kluis. Wie het heeft, kan elke bundel voor deze kluis lezen. ' +
          'Gebruik het alleen om een bundel met age te openen, bewaar het op een versleutelde schijf en verwijder het daarna.',
      );
      const written = await call('bundle.writeAgeIdentity', { targetPath: ageIdentityPath });
      context.note(`Geheime age-sleutel geschreven: ${written.path}`);
    }
  });
}

const PLAIN_AGE_NOTE =
  'Dit is een kale age-sleutel, geen partnerkaart: u kunt bundels naar deze partner versleutelen (te openen met age -d), ' +
  'maar er is geen handtekeningsleutel, dus een bundel is nooit als van deze partner te herkennen.';

async function partner(args: string[], context: BundleCommandContext): Promise<void> {
  const [action, ...rest] = args;
  switch (action) {
    case 'add': {
      const verified = takeFlag(rest, FLAGS.verified);
      const organisationCode = takeOption(rest, FLAGS.organisation) ?? null;
      const name = takeOption(rest, FLAGS.displayName);
      const [vaultPath, cardPath] = positional(rest, 2, context.usage);
      await withVault(vaultPath!, context, async (call) => {
        const entry = await call('addressBook.add', { path: cardPath!, verified, organisationCode, ...(name !== undefined ? { name } : {}) }).catch((error: unknown) => {
          // A bare age key names no one: say which option gives the name.
          if (error instanceof CoreError && error.code === 'INVALID_INPUT' && error.details?.field === 'name') {
            throw new CheckFailure(`kluis: ${validationMessages.nl['bundle.partner-name']} Geef hem mee met ${FLAGS.displayName.name} <naam>.`);
          }
          throw error;
        });
        context.say(`Partner ${entry.id} toegevoegd: ${entry.name}${entry.organisation ? ` (${entry.organisation})` : ''}.`);
        context.say('Vingerafdruk:');
        for (const line of fingerprintLines(entry.fingerprint)) context.say(line);
        if (entry.plainAge) context.note(PLAIN_AGE_NOTE);
        if (!verified) context.note('Vergelijk de vingerafdruk met de partner en leg dat vast met: kluis partner verify <kluis> ' + entry.id);
      });
      return;
    }
    case 'list': {
      const [vaultPath] = positional(rest, 1, context.usage);
      await withVault(vaultPath!, context, async (call) => {
        const entries = await call('addressBook.list', {});
        if (entries.length === 0) context.note('Het adresboek is leeg.');
        for (const entry of entries) {
          const verified = entry.verifiedAt ? `vergeleken ${entry.verifiedAt.slice(0, 10)}` : 'NIET vergeleken';
          context.say(
            `${entry.id}  ${entry.name}${entry.organisation ? ` (${entry.organisation})` : ''}  ${entry.fingerprint.groups.slice(0, 4).join(' ')}  ${verified}${entry.plainAge ? '  alleen age-sleutel' : ''}`,
          );
        }
      });
      return;
    }
    case 'organisation': {
      const [vaultPath, id, code] = positional(rest, 3, context.usage);
      const partnerId = Number(id);
      if (!Number.isSafeInteger(partnerId) || partnerId < 1) throw new UsageError(`"${id}" is geen nummer uit het adresboek.`);
      await withVault(vaultPath!, context, async (call) => {
        const entry = await call('addressBook.setOrganisation', { partnerId, organisationCode: code === '-' ? null : code! });
        context.say(`Organisatie van ${entry.name}: ${entry.organisationCode ?? 'geen'}.`);
      });
      return;
    }
    case 'verify':
    case 'remove': {
      const [vaultPath, id] = positional(rest, 2, context.usage);
      const partnerId = Number(id);
      if (!Number.isSafeInteger(partnerId) || partnerId < 1) throw new UsageError(`"${id}" is geen nummer uit het adresboek.`);
      await withVault(vaultPath!, context, async (call) => {
        if (action === 'verify') {
          const entry = await call('addressBook.verify', { partnerId });
          context.say(`Vingerafdruk van ${entry.name} vastgelegd als vergeleken op ${entry.verifiedAt!.slice(0, 10)}.`);
        } else {
          await call('addressBook.remove', { partnerId });
          context.say(`Partner ${partnerId} uit het adresboek gehaald.`);
        }
      });
      return;
    }
    default:
      throw new UsageError(context.usage);
  }
}

/** A new bundle passphrase: from KLUIS_BUNDEL_WACHTWOORD, or typed twice at a terminal. */
async function newBundlePassphrase(): Promise<string> {
  const first = await readSecret('KLUIS_BUNDEL_WACHTWOORD', `Bundelwachtwoord (minstens ${BUNDLE_PASSPHRASE_MIN_LENGTH} tekens): `);
  if (!process.env.KLUIS_BUNDEL_WACHTWOORD && process.stdin.isTTY) {
    const second = await readSecret('KLUIS_BUNDEL_WACHTWOORD', 'Herhaal het bundelwachtwoord: ');
    if (first !== second) throw new UsageError('De twee bundelwachtwoorden zijn niet gelijk.');
  }
  if ([...first].length < BUNDLE_PASSPHRASE_MIN_LENGTH) throw new UsageError(`Het bundelwachtwoord moet minstens ${BUNDLE_PASSPHRASE_MIN_LENGTH} tekens lang zijn.`);
  return first;
}

function describeExport(preview: ExportPreview, context: BundleCommandContext): void {
  for (const dossier of preview.dossiers) {
    context.say(
      `${dossier.number}  ${dossier.title}  [TLP:${dossier.tlp}]  ${count(dossier.signals, 'signaal', 'signalen')}, ${count(dossier.subjects, 'subject', 'subjecten')}, ` +
        `${count(dossier.notes, 'notitie', 'notities')}, ${count(dossier.measures, 'interventie', 'interventies')}, ${count(dossier.attachments, 'bijlage', 'bijlagen')} (${megabytes(dossier.attachmentBytes)})`,
    );
  }
  const left = preview.leftOut;
  context.note(
    `Weggelaten: ${count(left.reporters, 'melder', 'melders')} bij signalen, ${count(left.melderLinks, 'melderkoppeling', 'melderkoppelingen')}, ` +
      `${count(left.bsns, 'BSN', "BSN's")}, ${count(left.internalNotes, 'interne notitie', 'interne notities')}.`,
  );
  const { sharing } = preview;
  if (sharing.withheld.length > 0) {
    context.note('Blijft achter volgens de deelregels:');
    for (const line of withheldLines({ ...sharing, overridden: [], overrideReason: null })) context.note(`  ${line}`);
    for (const item of sharing.withheld.slice(0, 20)) {
      context.note(`  TLP:${item.tlp}  ${item.ref.kind}  ${item.label}: ${item.reasons.map((reason) => WITHHOLD_REASON_LABELS.nl[reason]).join('; ')}`);
    }
    if (sharing.withheld.length > 20) context.note(`  ... en nog ${sharing.withheld.length - 20}.`);
  }
  for (const line of withheldLines({ withheldCounts: {}, overridden: sharing.overridden, overrideReason: sharing.overrideReason })) context.note(line);
}

async function exportCommand(args: string[], context: BundleCommandContext): Promise<void> {
  const numbers = takeOptions(args, FLAGS.dossier);
  const recipientArgs = takeOptions(args, FLAGS.recipient);
  const usePassphrase = takeFlag(args, FLAGS.bundlePassphrase);
  const out = takeOption(args, FLAGS.out);
  const overrideReason = takeOption(args, FLAGS.tlpOverride);
  const redact = {
    reporterIdentity: !takeFlag(args, FLAGS.includeReporter),
    bsn: !takeFlag(args, FLAGS.includeBsn),
    internalNotes: !takeFlag(args, FLAGS.includeInternalNotes),
  };
  const noAttachments = takeFlag(args, FLAGS.noAttachments);
  const overwrite = takeFlag(args, FLAGS.overwrite);
  const [vaultPath] = positional(args, 1, context.usage);
  if (numbers.length === 0 || !out) throw new UsageError('Geef minstens één --dossier <nummer> en --naar <bestand>.');
  if (usePassphrase === recipientArgs.length > 0)
    throw new UsageError('Kies ontvangers (--ontvanger) of een bundelwachtwoord (--bundelwachtwoord), niet beide en niet geen van twee.');
  const recipients = recipientArgs.map((value) => {
    if (value.startsWith('age1')) return { ageRecipient: value };
    let text: string;
    try {
      // A FIFO or device would block the read for good: refused before it is opened.
      assertRegularFile(value, 'recipient card', 'recipients');
      text = fs.readFileSync(value, 'utf8');
    } catch (error) {
      if (error instanceof CoreError && error.code !== 'FILE_NOT_FOUND') throw error;
      throw new UsageError(`"${value}" is geen age-ontvanger (age1...) en geen leesbaar partnerkaartbestand.`);
    }
    return { ageRecipient: parsePartnerCard(text).ageRecipient };
  });
  const passphrase = usePassphrase ? await newBundlePassphrase() : undefined;
  await withVault(vaultPath!, context, async (call) => {
    const dossierIds: number[] = [];
    const known = new Map<string, number>();
    for (let offset = 0; ; offset += 500) {
      const page = await call('dossier.list', { sort: 'number', direction: 'asc', limit: 500, offset });
      for (const dossier of page.items) known.set(dossier.number, dossier.id);
      if (page.items.length === 0 || offset + page.items.length >= page.total) break;
    }
    for (const number of numbers) {
      const id = known.get(number);
      if (id === undefined) throw new CheckFailure(`kluis: Dossier ${number} bestaat niet in deze kluis (of staat in de prullenbak).`);
      dossierIds.push(id);
    }
    const selection = {
      dossierIds,
      recipients,
      usePassphrase,
      redact,
      include: { signals: true, subjects: true, notes: true, measures: true, attachments: !noAttachments },
      override: overrideReason ? { reason: overrideReason } : undefined,
    };
    const preview = await call('bundle.exportPreview', selection);
    describeExport(preview, context);
    const result = await call('bundle.export', { ...selection, passphrase, targetPath: out, overwrite });
    context.say(`Bundel geschreven: ${result.path} (${megabytes(result.bytes)}, TLP:${result.preview.tlp}).`);
    context.say(`SHA-256: ${result.sha256}`);
    for (const recipient of result.preview.recipients) {
      context.note(
        `Voor: ${recipient.name ?? recipient.ageRecipient}${recipient.organisation ? ` (${recipient.organisation})` : ''}${recipient.verified ? '' : ' — vingerafdruk niet vergeleken'}`,
      );
    }
    if (usePassphrase) context.note('Versleuteld met een bundelwachtwoord: geef het wachtwoord langs een ander kanaal door dan de bundel.');
  });
}

const INVISIBLE_TEXT_KINDS: Record<BundleInspection['invisibleText'][number]['kind'], string> = {
  sender: 'afzender',
  dossier: 'dossier',
  signal: 'signaal',
  note: 'notitie',
  measure: 'interventie',
  attachment: 'bijlage',
  'dossier-link': 'subjectkoppeling',
  status: 'statuswijziging',
  phenomenon: 'fenomeen',
  subject: 'subject',
  'subject-link': 'relatie',
};

function describeInspection(inspection: BundleInspection, context: BundleCommandContext, choices: Map<string, string>): void {
  const { sender } = inspection;
  context.say(`Bundel ${inspection.bundleId}, gemaakt ${inspection.createdAt} door ${sender.name}${sender.organisation ? ` (${sender.organisation})` : ''}.`);
  const status = {
    known: 'bekend: de handtekening hoort bij een partner in uw adresboek.',
    unknown: 'ONBEKEND: de afzender staat niet in uw adresboek.',
    mismatch: `LET OP: de sleutel wijkt af van de partnerkaart van ${sender.partner?.name ?? 'een partner'} in uw adresboek.`,
  }[sender.status];
  context.say(`Handtekening geldig; afzender ${status}`);
  context.say('Vingerafdruk van de afzender:');
  for (const line of fingerprintLines(sender.fingerprint)) context.say(line);
  context.say(`  ${sender.fingerprint.hex}`);
  context.say(`Behandelcode: TLP:${inspection.tlp}${inspection.tlpOverride ? ` (door de afzender overschreven: ${inspection.tlpOverride.reason})` : ''}`);
  if (inspection.tlpUnderstated) {
    context.say(
      `LET OP: de afzender heeft de bundel gemarkeerd als TLP:${inspection.declaredTlp}, maar er zitten onderdelen in met TLP:${inspection.tlp}. Behandel de bundel als TLP:${inspection.tlp}.`,
    );
  }
  context.say(`Alle ${inspection.entries} onderdelen gecontroleerd tegen de ondertekende inhoudslijst.`);
  context.say('Dossiers:');
  for (const dossier of inspection.dossiers) {
    const action = choices.get(dossier.number) ?? dossier.suggestedAction;
    const what =
      action === 'skip'
        ? 'overslaan'
        : action === 'update'
          ? `bijwerken: bestaat hier als ${dossier.existing!.number}`
          : dossier.existing
            ? `als nieuw dossier (er is al een kopie: ${dossier.existing.number}${dossier.existing.inTrash ? ', in de prullenbak' : ''})`
            : 'nieuw';
    context.say(`  ${dossier.number}  ${dossier.title}  [TLP:${dossier.tlp}]  → ${what}`);
    context.say(
      `      ${count(dossier.signals, 'signaal', 'signalen')}, ${count(dossier.subjects, 'subject', 'subjecten')}, ${count(dossier.notes, 'notitie', 'notities')}, ` +
        `${count(dossier.measures, 'interventie', 'interventies')}, ${count(dossier.attachments, 'bijlage', 'bijlagen')} (${megabytes(dossier.attachmentBytes)})`,
    );
    if (dossier.newerFromSender) {
      context.say(
        `      OUDER dan de bundel van ${formatDateTime(dossier.newerFromSender.bundleCreatedAt, 'nl')} van deze afzender die deze kluis al importeerde: ` +
          'wat die nieuwere bundel schreef blijft staan; alleen onderdelen die hier nog niet zijn komen erbij.',
      );
    }
  }
  if (inspection.invisibleText.length > 0) {
    context.say('LET OP: deze teksten bevatten onzichtbare stuurtekens die de leesrichting of de tekst kunnen verbergen (hier getoond als <U+…>):');
    for (const flag of inspection.invisibleText) {
      context.say(
        `  ${INVISIBLE_TEXT_KINDS[flag.kind]}${flag.dossierNumber && flag.kind !== 'dossier' ? ` in ${flag.dossierNumber}` : ''} ${flag.label}: ${flag.field} (${flag.controls.join(', ')})`,
      );
    }
  }
  const matched = inspection.subjects.filter((subject) => subject.match);
  if (matched.length > 0) {
    context.say('Subjecten die al in deze kluis staan (worden gekoppeld, niet verdubbeld):');
    for (const subject of matched)
      context.say(`  ${subject.label}  =  ${subject.match!.label}${subject.match!.by === 'match-key' ? ` (${subject.match!.matchedOn.join(', ')})` : ''}`);
  }
}

async function importCommand(args: string[], context: BundleCommandContext): Promise<void> {
  const yes = takeFlag(args, FLAGS.yes);
  const acceptArg = takeOption(args, FLAGS.acceptSender);
  const skip = takeOptions(args, FLAGS.skip);
  const asNew = takeOptions(args, FLAGS.asNew);
  const [vaultPath, bundlePath] = positional(args, 2, context.usage);
  await withVault(vaultPath!, context, async (call) => {
    let passphrase: string | undefined;
    let inspection: BundleInspection;
    try {
      inspection = await call('bundle.inspect', { path: bundlePath! });
    } catch (error) {
      if (!(error instanceof CoreError) || error.code !== 'BUNDLE_PASSPHRASE_REQUIRED') throw error;
      passphrase = await readSecret('KLUIS_BUNDEL_WACHTWOORD', 'Bundelwachtwoord: ');
      inspection = await call('bundle.inspect', { path: bundlePath!, passphrase });
    }
    const choices = new Map<string, string>([...skip.map((number) => [number, 'skip'] as const), ...asNew.map((number) => [number, 'new'] as const)]);
    for (const number of choices.keys()) {
      if (!inspection.dossiers.some((dossier) => dossier.number === number)) throw new UsageError(`Dossier ${number} zit niet in deze bundel.`);
    }
    describeInspection(inspection, context, choices);
    if (!yes) {
      context.note('Er is niets geïmporteerd. Herhaal de opdracht met --ja om te importeren.');
      if (inspection.sender.status !== 'known') {
        context.note('De afzender is niet bekend: vergelijk de vingerafdruk en geef hem mee met --accepteer-afzender <vingerafdruk>.');
      }
      return;
    }
    let acceptSender: string | undefined;
    if (acceptArg !== undefined) {
      const given = acceptArg.replace(/\s+/g, '').toLowerCase();
      // The 32 hex digits shown in groups, or all 64.
      if (given.length < 32 || !inspection.sender.fingerprint.hex.startsWith(given)) {
        throw new CheckFailure('kluis: De opgegeven vingerafdruk is niet die van de afzender van deze bundel. Er is niets geïmporteerd.');
      }
      acceptSender = inspection.sender.fingerprint.hex;
    }
    const result = await call('bundle.import', {
      path: bundlePath!,
      passphrase,
      manifestSha256: inspection.manifestSha256,
      acceptSender,
      dossiers: inspection.dossiers.flatMap((dossier) => {
        const action = choices.get(dossier.number);
        return action ? [{ uid: dossier.uid, action: action as 'skip' | 'new' }] : [];
      }),
    });
    for (const dossier of result.dossiers) {
      const origin = inspection.dossiers.find((candidate) => candidate.uid === dossier.uid)!;
      const verb = { new: 'nieuw als', update: 'bijgewerkt:', skip: 'overgeslagen' }[dossier.action];
      context.say(`${origin.number} ${verb}${dossier.number ? ` ${dossier.number}` : ''}`);
    }
    const { created, updated } = result;
    context.say(
      `Geïmporteerd: ${count(created.signals, 'signaal', 'signalen')}, ${count(created.subjects, 'nieuw subject', 'nieuwe subjecten')} ` +
        `(${result.linkedSubjects} gekoppeld aan bestaande), ${count(created.notes, 'notitie', 'notities')}, ${count(created.measures, 'interventie', 'interventies')}, ` +
        `${count(created.attachments, 'bijlage', 'bijlagen')}; bijgewerkt: ${updated.dossiers} dossiers, ${updated.signals} signalen.`,
    );
    const kept = result.keptNewer;
    if (kept.dossiers + kept.signals + kept.notes + kept.measures > 0) {
      context.say(
        `Niet overschreven (een nieuwere bundel van deze afzender schreef ze): ${count(kept.dossiers, 'dossier (titel, beschrijving, verschijnselen)', 'dossiers (titel, beschrijving, verschijnselen)')}, ${count(kept.signals, 'signaal', 'signalen')}, ` +
          `${count(kept.notes, 'notitie', 'notities')}, ${count(kept.measures, 'interventie', 'interventies')}.`,
      );
    }
    if (result.senderAdded) context.note(`${inspection.sender.name} staat nu in het adresboek, met de vingerafdruk als vergeleken vastgelegd.`);
  });
}

export async function runBundleCommand(command: string, args: string[], context: BundleCommandContext): Promise<void> {
  switch (command) {
    case 'identity':
      return identity(args, context);
    case 'partner':
      return partner(args, context);
    case 'export':
      return exportCommand(args, context);
    case 'import':
      return importCommand(args, context);
    default:
      throw new UsageError(context.usage);
  }
}
