import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

/**
 * Issue 14, security 10: every failure the command line meets with a user's input is one Dutch
 * line that names the file, the folder or the flag, and leaves everything as it was.
 */

const cliSource = path.resolve('electron/core/cli/kluis.ts');
const env = { KLUIS_PASSPHRASE: TEST_PASSPHRASE, KLUIS_BUNDEL_WACHTWOORD: 'een lang bundelwachtwoord' };
/** Longer than any file system's limit for one name (255 bytes on ext4, tmpfs, NTFS). */
const LONG_NAME = 'x'.repeat(300);

function kluis(args: string[], extraEnv: Record<string, string> = {}, input: string | null = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: '', KLUIS_NEW_PASSPHRASE: '', ...extraEnv },
    // null: standard input closed at once, as in `kluis check x </dev/null`.
    stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    input: input ?? undefined,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/**
 * One error line, starting with "kluis: ", the last on stderr (an export may show its preview
 * first), without an internal detail or a stack.
 */
function expectOneDutchLine(stderr: string): void {
  const lines = stderr.split('\n');
  expect(lines.filter((line) => line.startsWith('kluis: '))).toHaveLength(1);
  expect(lines.at(-1)).toMatch(/^kluis: /);
  expect(stderr).not.toMatch(/onverwachts|ENAMETOOLONG|prullenbak|De invoer is niet geldig\.$|\bat /);
}

function listing(folder: string): string[] {
  return fs.readdirSync(folder).sort();
}

describe('kluis: one clear Dutch line for each bad input', () => {
  let vaultPath: string;
  let dossierNumber: string;

  beforeAll(async () => {
    const { call, core, vaultPath: created } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Hennepzolder' });
    dossierNumber = dossier.number;
    await core.dispose();
    // Its own folder: makeTempFolder's are removed after each test.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-cli-messages-'));
    vaultPath = path.join(folder, path.basename(created));
    for (const suffix of ['', '.keys']) fs.copyFileSync(created + suffix, vaultPath + suffix);
    return () => fs.rmSync(folder, { recursive: true, force: true });
  });

  it('no passphrase on a closed standard input names the variable to set', () => {
    for (const input of [null, '']) {
      const result = kluis(['check', vaultPath], {}, input);
      expect(result.code).toBe(1);
      expectOneDutchLine(result.stderr);
      expect(result.stderr).toBe('kluis: Geen wachtwoord ontvangen: de invoer is leeg of gesloten. Zet KLUIS_PASSPHRASE of typ het wachtwoord in een terminal.');
    }
  });

  it('a name over the system limit, for the vault, a backup, a bundle and an export target, names the file', () => {
    const folder = makeTempFolder();
    const before = listing(folder);
    const cases: Array<[string, string[]]> = [
      ['kluis', ['check', path.join(folder, `${LONG_NAME}.kluis`)]],
      ['reservekopie', ['backup', vaultPath, path.join(folder, `${LONG_NAME}.kluis`)]],
      ['bundel', ['import', vaultPath, path.join(folder, `${LONG_NAME}.bundel`)]],
      [
        'bundel',
        [
          'export',
          vaultPath,
          '--dossier',
          dossierNumber,
          '--bundelwachtwoord',
          '--tlp-overschrijven',
          'reden voor de test',
          '--naar',
          path.join(folder, `${LONG_NAME}.bundel`),
        ],
      ],
      ['CSV', ['report', vaultPath, '--jaar', '2025', '--csv', path.join(folder, `${LONG_NAME}.csv`)]],
    ];
    for (const [, args] of cases) {
      const result = kluis(args, env);
      expect(result.code, args.join(' ')).toBe(1);
      expectOneDutchLine(result.stderr);
      expect(result.stderr.split('\n').at(-1), args[0]).toMatch(/^kluis: De naam ‘x{20}…x{9,}[^’]*’ is te lang voor het bestandssysteem\. Kies een kortere naam\.$/);
    }
    expect(listing(folder)).toEqual(before);
  });

  it('a missing bundle file names the file, not the trash', () => {
    const missing = path.join(makeTempFolder(), 'niet-hier.bundel');
    const result = kluis(['import', vaultPath, missing], env);
    expect(result.code).toBe(1);
    expectOneDutchLine(result.stderr);
    expect(result.stderr).toBe(`kluis: Het bestand ‘${missing}’ bestaat niet. Controleer de naam en de map.`);
  });

  it('restore into a folder that does not exist names the folder and creates nothing', () => {
    const folder = makeTempFolder();
    const backupPath = path.join(folder, 'kopie.kluis');
    expect(kluis(['backup', vaultPath, backupPath], env).code).toBe(0);
    const before = listing(folder);
    const missingFolder = path.join(folder, 'bestaat-niet');
    const result = kluis(['restore', backupPath, path.join(missingFolder, 'terug.kluis')], env);
    expect(result.code).toBe(1);
    expectOneDutchLine(result.stderr);
    expect(result.stderr).toBe(`kluis: De map ‘${missingFolder}’ bestaat niet. Maak de map eerst aan of kies een andere plek.`);
    expect(listing(folder)).toEqual(before);
  });

  it('a --tlp-overschrijven reason that is too short names the flag', () => {
    const folder = makeTempFolder();
    const result = kluis(['export', vaultPath, '--dossier', dossierNumber, '--bundelwachtwoord', '--tlp-overschrijven', 'ab', '--naar', path.join(folder, 'x.bundel')], env);
    expect(result.code).toBe(1);
    expectOneDutchLine(result.stderr);
    expect(result.stderr.split('\n').at(-1)).toBe('kluis: --tlp-overschrijven: Geef een reden van minstens drie tekens.');
    expect(listing(folder)).toEqual([]);
  });

  it('a folder as bundle target takes the suggested name inside it; a folder as bundle names the file', () => {
    const folder = makeTempFolder();
    // As every save field does: a folder is where the file goes, under the name the app suggests.
    const asTarget = kluis(['export', vaultPath, '--dossier', dossierNumber, '--bundelwachtwoord', '--tlp-overschrijven', 'reden voor de test', '--naar', folder], env);
    expect(asTarget.code, asTarget.stderr).toBe(0);
    const written = listing(folder);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^Dossiers \d{4}-\d{2}-\d{2}\.dkbundel$/);
    const asBundle = kluis(['import', vaultPath, folder], env);
    expect(asBundle.code).toBe(1);
    expectOneDutchLine(asBundle.stderr);
    expect(asBundle.stderr).toContain(`‘${folder}’ is geen gewoon bestand`);
    expect(listing(folder)).toEqual(written);
  });

  it('export --ontvanger refuses a FIFO at once instead of waiting for a writer', () => {
    const folder = makeTempFolder();
    const fifo = path.join(folder, 'kaart.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const started = Date.now();
    const result = kluis(['export', vaultPath, '--dossier', dossierNumber, '--ontvanger', fifo, '--naar', path.join(folder, 'x.bundel')], env);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    expectOneDutchLine(result.stderr);
    expect(result.stderr).toContain(`‘${fifo}’ is geen gewoon bestand`);
    expect(listing(folder)).toEqual(['kaart.fifo']);
  });

  it('restore makes the restored vault owner-only, whatever the mode of the backup', () => {
    const folder = makeTempFolder();
    const backupPath = path.join(folder, 'kopie.kluis');
    expect(kluis(['backup', vaultPath, backupPath], env).code).toBe(0);
    fs.chmodSync(backupPath, 0o644);
    fs.chmodSync(`${backupPath}.keys`, 0o644);
    const target = path.join(folder, 'terug.kluis');
    const result = kluis(['restore', backupPath, target], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((fs.statSync(target).mode & 0o777).toString(8)).toBe('600');
    expect((fs.statSync(`${target}.keys`).mode & 0o777).toString(8)).toBe('600');
  });
});
