import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { FLAGS } from '../../electron/core/cli/flags';
import { temporarySiblingPath } from '../../electron/core/kernel/atomic-write';
import { readKeyFile, writeKeyFile } from '../../electron/core/vault/key-file';
import { keyFileLockPathFor } from '../../electron/core/vault/key-file-lock';
import { Vault } from '../../electron/core/vault/vault';
import { coreContextFor } from '../../electron/core/kernel/context';
import { decideForOutput, dossierFacts, recordDisclosure } from '../../electron/core/sharing/regime';
import { FAST_VAULT_OPTIONS } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

const cliSource = path.resolve('electron/core/cli/kluis.ts');
const PASSPHRASE = 'wachtwoord voor de cli test';

function kluis(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: '', KLUIS_NEW_PASSPHRASE: '', ...env },
    input: input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** The same as `kluis`, but without waiting: for processes that run side by side. */
function kluisInParallel(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliSource, ...args], {
      env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: '', KLUIS_NEW_PASSPHRASE: '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: stderr.trim() }));
  });
}

describe('kluis command line', () => {
  // Sixteen processes, most deriving a key: over a minute on a busy machine.
  it('create, check, backup, change-passphrase, recover-key and restore', { timeout: 180_000 }, () => {
    const folder = makeTempFolder();
    const vaultPath = path.join(folder, 'werk.kluis');

    const created = kluis(['create', vaultPath, '--naam', 'Test Gebruiker'], { KLUIS_PASSPHRASE: PASSPHRASE });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    const recoveryKey = created.stdout;

    expect(kluis(['check', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE })).toMatchObject({ code: 0, stdout: expect.stringContaining('in orde') });

    const wrong = kluis(['check', vaultPath], { KLUIS_PASSPHRASE: 'niet het wachtwoord' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('kluis: Het wachtwoord is onjuist.');

    // Without the environment variable, one line from a pipe.
    expect(kluis(['check', vaultPath], {}, `${PASSPHRASE}\n`).code).toBe(0);

    const backupPath = path.join(folder, 'kopie.kluis');
    expect(kluis(['backup', vaultPath, backupPath], { KLUIS_PASSPHRASE: PASSPHRASE }).code).toBe(0);
    expect(fs.existsSync(`${backupPath}.keys`)).toBe(true);
    const again = kluis(['backup', vaultPath, backupPath], { KLUIS_PASSPHRASE: PASSPHRASE });
    expect(again).toMatchObject({ code: 1, stderr: 'kluis: Op deze plek staat al een kluis. Kies een andere bestandsnaam.' });
    for (const flag of ['--overschrijven', '--overwrite']) {
      const overwritten = kluis(['backup', vaultPath, backupPath, flag], { KLUIS_PASSPHRASE: PASSPHRASE });
      expect(overwritten.code, `${flag}: ${overwritten.stderr}`).toBe(0);
    }

    const changed = kluis(['change-passphrase', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE, KLUIS_NEW_PASSPHRASE: 'het nieuwe lange wachtwoord' });
    expect(changed.code).toBe(0);
    expect(kluis(['check', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE }).code).toBe(1);

    const tooShort = kluis(['change-passphrase', vaultPath], { KLUIS_PASSPHRASE: 'het nieuwe lange wachtwoord', KLUIS_NEW_PASSPHRASE: 'kort' });
    expect(tooShort).toMatchObject({ code: 1, stderr: 'kluis: Het wachtwoord moet minstens 12 tekens lang zijn.' });

    // Disaster recovery: the raw key opens the file with plain SQLCipher 4 settings.
    const viaRecovery = kluis(['recover-key', vaultPath, '--herstelsleutel'], { KLUIS_RECOVERY_KEY: recoveryKey });
    expect(kluis(['recover-key', vaultPath, '--recovery-key'], { KLUIS_RECOVERY_KEY: recoveryKey }).stdout).toBe(viaRecovery.stdout);
    const viaPassphrase = kluis(['recover-key', vaultPath], { KLUIS_PASSPHRASE: 'het nieuwe lange wachtwoord' });
    expect(viaRecovery.code).toBe(0);
    expect(viaRecovery.stdout).toMatch(/^[0-9a-f]{64}$/);
    expect(viaPassphrase.stdout).toBe(viaRecovery.stdout);
    const db = new Database(vaultPath, { fileMustExist: true });
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${viaRecovery.stdout}'"`);
    expect(db.prepare("SELECT value FROM vault_meta WHERE key = 'display_name'").pluck().get()).toBe('Test Gebruiker');
    db.close();

    // Restore puts the backup (with the passphrase of its time) in place and keeps the old vault aside.
    const restored = kluis(['restore', backupPath, vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE });
    expect(restored.code).toBe(0);
    expect(restored.stderr).toContain('voor-herstel');
    expect(kluis(['check', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE }).code).toBe(0);
  });

  it('fails with a Dutch one-liner and a non-zero code on misuse and missing files', () => {
    const folder = makeTempFolder();
    const missing = kluis(['check', path.join(folder, 'nergens.kluis')], { KLUIS_PASSPHRASE: PASSPHRASE });
    expect(missing).toMatchObject({ code: 1, stderr: 'kluis: Het kluisbestand is niet gevonden.' });
    expect(kluis(['onzin']).code).toBe(2);
    expect(kluis(['backup', 'alleen-een-argument']).code).toBe(2);
    // An option without its value is named by its Dutch name, whichever name was typed.
    expect(kluis(['create', path.join(folder, 'x.kluis'), '--name'])).toMatchObject({ code: 2, stderr: '--naam heeft een waarde nodig.' });
  });

  it('check refuses an emptied vault file and leaves it empty, with its mode, for every later try', () => {
    const folder = makeTempFolder();
    const vaultPath = path.join(folder, 'leeg.kluis');
    expect(kluis(['create', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE }).code).toBe(0);
    fs.writeFileSync(vaultPath, '');
    fs.chmodSync(vaultPath, 0o640);
    for (let attempt = 0; attempt < 2; attempt++) {
      const checked = kluis(['check', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE });
      expect(checked).toMatchObject({ code: 1, stderr: 'kluis: Het kluisbestand is beschadigd en kan niet worden geopend. Zet een reservekopie terug.' });
      expect(fs.statSync(vaultPath).size).toBe(0);
      expect(fs.statSync(vaultPath).mode & 0o777).toBe(0o640);
    }
    expect(fs.readdirSync(folder).sort()).toEqual(['leeg.kluis', 'leeg.kluis.keys']);
  });

  it('check removes what a killed restore left beside the vault, and only that', () => {
    const folder = makeTempFolder();
    const vaultPath = path.join(folder, 'werk.kluis');
    expect(kluis(['create', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE }).code).toBe(0);
    // The names a restore into this vault gives its copy, as it would leave them when killed.
    const temporary = temporarySiblingPath(vaultPath);
    const leftovers = [temporary, `${temporary}.keys`, `${temporary}-wal`, `${temporary}-shm`, `${temporary}-journal`, `${temporary}.lock`];
    for (const file of leftovers) fs.writeFileSync(file, 'achtergebleven');
    const others = [
      '.werk.kluis.0123456789ab.tmp.oud',
      '.werk.kluis.keys.0123456789ab.tmp',
      '.werk.kluis.XYZ.tmp',
      '.ander.kluis.0123456789ab.tmp',
      'werk.kluis.0123456789ab.tmp',
    ];
    for (const name of others) fs.writeFileSync(path.join(folder, name), name);
    fs.symlinkSync(path.join(folder, 'werk.kluis.keys'), path.join(folder, '.werk.kluis.abcdefabcdef.tmp'));

    const checked = kluis(['check', vaultPath], { KLUIS_PASSPHRASE: PASSPHRASE });
    expect(checked).toMatchObject({ code: 0, stdout: expect.stringContaining('in orde') });
    expect(checked.stderr).toContain(`6 achtergebleven tijdelijke bestanden verwijderd`);
    expect(fs.readdirSync(folder).sort()).toEqual(['.werk.kluis.abcdefabcdef.tmp', ...others, 'werk.kluis', 'werk.kluis.keys'].sort());
    expect(fs.readFileSync(path.join(folder, 'werk.kluis.keys'), 'utf8')).toContain('dossierkluis-keyfile');
  });

  it('help shows every option by its Dutch name and lists the English names as aliases', () => {
    const help = kluis(['help']);
    expect(help.code).toBe(0);
    const [commands, aliases] = help.stdout.split('Opties hebben ook een Engelse naam');
    const canonical = new Set(Object.values(FLAGS).map((flag) => flag.name));
    const shown = new Set(commands!.match(/--[a-z][a-z0-9-]*/g));
    // Every option in the command list is a Dutch name, and every Dutch name is in the list.
    expect([...shown].filter((name) => !canonical.has(name as never))).toEqual([]);
    expect([...canonical].filter((name) => !shown.has(name))).toEqual([]);
    for (const flag of Object.values(FLAGS)) for (const alias of flag.aliases) expect(aliases).toContain(`${alias} = ${flag.name}`);
  });

  it('report: the year figures as text and CSV, small counts as "< 5"', async () => {
    const { call, core, vaultPath } = await openDossierCore({ now: () => new Date('2026-02-01T12:00:00Z') });
    for (let day = 1; day <= 6; day++) await call('signal.create', { receivedOn: `2025-03-0${day}`, howReceived: 'meldpunt', summary: `Geheime melding ${day}` });
    await call('signal.create', { receivedOn: '2025-04-01', howReceived: 'burger', summary: 'Geheime melding 7' });
    await call('signal.create', { receivedOn: '2024-12-31', howReceived: 'burger', summary: 'Vorig jaar' });
    await core.dispose();

    const csvPath = path.join(makeTempFolder(), 'rapport.csv');
    const report = kluis(['report', vaultPath, '--jaar', '2025', '--csv', csvPath], { KLUIS_PASSPHRASE: TEST_PASSPHRASE });
    expect(report.stderr).toContain('CSV geschreven');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^Jaarrapportage meldpunt 2025/);
    expect(report.stdout).toMatch(/Totaal\s+7\n/);
    expect(report.stdout).toMatch(/Meldpunt\s+6\n/);
    expect(report.stdout).toMatch(/Burger\s+< 5\n/);
    expect(report.stdout).toMatch(/2025-03\s+6\n/);
    expect(report.stdout).toMatch(/2025-04\s+< 5\n/);
    expect(report.stdout).not.toContain('Geheime melding');
    const csv = fs.readFileSync(csvPath, 'utf8');
    expect(csv).toContain('Signalen;Totaal;7\r\n');
    expect(csv).toContain('Signalen per wijze van binnenkomst;Burger;< 5\r\n');
    // An existing file is kept unless --overschrijven (or its English alias --overwrite).
    expect(kluis(['report', vaultPath, '--year', '2025', '--csv', csvPath], { KLUIS_PASSPHRASE: TEST_PASSPHRASE }).code).toBe(1);
    expect(kluis(['report', vaultPath, '--year', '2025', '--csv', csvPath, '--overschrijven'], { KLUIS_PASSPHRASE: TEST_PASSPHRASE }).code).toBe(0);
    fs.writeFileSync(csvPath, 'oud');
    expect(kluis(['report', vaultPath, '--jaar', '2025', '--csv', csvPath, '--overwrite'], { KLUIS_PASSPHRASE: TEST_PASSPHRASE }).code).toBe(0);
    expect(fs.readFileSync(csvPath, 'utf8')).toContain('Signalen;Totaal;7\r\n');
    const withoutYear = kluis(['report', vaultPath], { KLUIS_PASSPHRASE: TEST_PASSPHRASE });
    expect(withoutYear).toMatchObject({ code: 2, stderr: 'Geef het jaar met --jaar, bijvoorbeeld --jaar 2025.' });
    // --pdf works now (test/integration/report-pdf.test.ts); without a year it is still misuse.
    expect(kluis(['report', vaultPath, '--pdf', path.join(path.dirname(csvPath), 'x.pdf')], { KLUIS_PASSPHRASE: TEST_PASSPHRASE }).code).toBe(2);
  });

  it('verstrekkingen: the disclosure register, one line each, oldest first, filtered by --dossier', async () => {
    const { call, core, vaultPath } = await openDossierCore({ now: () => new Date('2026-12-01T12:00:00Z') });
    const env = { KLUIS_PASSPHRASE: TEST_PASSPHRASE };
    const first = await call('dossier.create', { title: 'Hennepzolder' });
    const second = await call('dossier.create', { title: 'Kamerverhuur' });
    const person = await call('subject.create', { details: { type: 'person', name: 'Anna Bakker' } });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: first.id, role: 'huurder' });
    await call('note.add', { dossierId: second.id, body: 'Gesprek gevoerd.' });
    const source = path.join(makeTempFolder(), 'foto.txt');
    fs.writeFileSync(source, 'inhoud');
    const attachment = await call('attachment.import', { dossierId: first.id, sourcePath: source });
    await core.call('vault.lock', {});

    const empty = kluis(['verstrekkingen', vaultPath], env);
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'Er is nog niets verstrekt uit deze kluis.' });

    await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
    await call('attachment.export', { attachmentId: attachment.id, targetPath: path.join(makeTempFolder(), 'uit.txt') });
    await call('report.exportCsv', { from: '2025-01-01', to: '2025-12-31', targetPath: path.join(makeTempFolder(), 'rapport.csv') });
    await core.dispose();
    // A disclosure of both dossiers to two organisations, as a bundle records it (everything by override).
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, { ...FAST_VAULT_OPTIONS, now: () => new Date('2026-12-03T09:00:00Z') });
    let counts: { first: number; second: number };
    try {
      const context = coreContextFor(vault);
      const audience = {
        kind: 'recipients' as const,
        members: [
          { organisation: 'politie', person: 'J. Agent', verified: true },
          { organisation: 'woningcorporatie', person: null, verified: true },
        ],
      };
      const facts = [...dossierFacts(context, first.id), ...dossierFacts(context, second.id)];
      counts = { first: dossierFacts(context, first.id).length, second: dossierFacts(context, second.id).length };
      // The dossier, its link and attachment; the other the dossier and its note.
      expect(counts).toEqual({ first: 3, second: 2 });
      const decision = decideForOutput(context, facts, audience, { reason: 'Afgestemd in de stuurploeg' });
      recordDisclosure(context, { output: 'bundle', channel: 'bundle', audience, decision });
    } finally {
      vault.lock();
    }

    const all = kluis(['verstrekkingen', vaultPath], env);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const lines = all.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^01-12-2026  ${first.number}\\s+intern gebruik\\s+bestand \\(bijlage\\)\\s+1 gegeven$`));
    expect(lines[1]).toMatch(/^01-12-2026  –\s+intern gebruik\s+CSV \(rapportage\)\s+0 gegevens$/);
    expect(lines[2]).toMatch(
      new RegExp(`^03-12-2026  ${first.number}, ${second.number}  Politie \\(J\\. Agent\\), Woningcorporatie  bundel\\s+${counts.first + counts.second} gegevens$`),
    );

    // One dossier: its disclosures only, counting only the items about it.
    const onlySecond = kluis(['verstrekkingen', vaultPath, '--dossier', second.number], env);
    expect(onlySecond.code).toBe(0);
    expect(onlySecond.stdout.split('\n')).toHaveLength(1);
    expect(onlySecond.stdout).toMatch(new RegExp(`bundel\\s+${counts.second} gegevens$`));
    const onlyFirst = kluis(['verstrekkingen', vaultPath, '--dossier', first.number], env).stdout.split('\n');
    expect(onlyFirst).toHaveLength(2);
    expect(onlyFirst[1]).toMatch(new RegExp(`bundel\\s+${counts.first} gegevens$`));

    expect(kluis(['verstrekkingen', vaultPath, '--dossier', '2026-0099'], env)).toMatchObject({
      code: 2,
      stderr: 'Dossier 2026-0099 staat niet in deze kluis (of ligt in de prullenbak).',
    });
    expect(kluis(['verstrekkingen', vaultPath, '--dossier', 'abc'], env)).toMatchObject({ code: 2, stderr: '"abc" is geen dossiernummer (zoals 2025-0001).' });
    expect(kluis(['verstrekkingen'], env).code).toBe(2);
    expect(kluis(['help']).stdout).toContain('verstrekkingen <kluis> [--dossier <dossiernummer>]');
  });

  it('parallel wrong guesses from separate processes are counted one by one, and the throttle holds', async () => {
    const vaultPath = path.join(makeTempFolder(), 'werk.kluis');
    // Four Argon2id passes: each guess takes long enough for the others to start beside it.
    const { vault } = await Vault.create(vaultPath, { passphrase: PASSPHRASE, displayName: 'T' }, { kdf: { fixedIterations: 4, memoryKiB: 65_536 } });
    vault.lock();
    // Eight wrong guesses long ago: the wait they earned (8 s) is over, so exactly one more guess is due.
    writeKeyFile(vaultPath, { ...readKeyFile(vaultPath), failedAttempts: { count: 8, lastFailureAt: new Date(Date.now() - 3_600_000).toISOString() } });

    const guesses = await Promise.all(Array.from({ length: 10 }, (_, index) => kluisInParallel(['dossiers', vaultPath], { KLUIS_PASSPHRASE: `gok ${index} is fout` })));

    expect(guesses.map((guess) => guess.code)).toEqual(Array(10).fill(1));
    const answers = guesses.map((guess) => guess.stderr.replace(/\d+ seconden/, 'N seconden')).sort();
    expect(answers).toEqual(['kluis: Het wachtwoord is onjuist.', ...Array(9).fill('kluis: Te veel mislukte pogingen. Probeer het over N seconden opnieuw.')]);
    expect(readKeyFile(vaultPath).failedAttempts.count).toBe(9);
    expect(fs.existsSync(keyFileLockPathFor(vaultPath))).toBe(false);
  });
});
