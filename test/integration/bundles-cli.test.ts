import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempFolder } from '../support/temp-vault';

const cliSource = path.resolve('electron/core/cli/kluis.ts');
const PASSPHRASE = 'wachtwoord voor de cli test';
const BUNDLE_PASSPHRASE = 'bundelwachtwoord voor de cli';

function kluis(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: PASSPHRASE, KLUIS_BUNDEL_WACHTWOORD: '', ...env },
    input: '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

function numberOf(listing: string, titleStart: string): string {
  const line = listing.split('\n').find((candidate) => candidate.includes(titleStart));
  if (!line) throw new Error(`no dossier "${titleStart}" in:\n${listing}`);
  return line.split(/\s+/)[0]!;
}

describe('kluis: identity, partners, export and import on the command line', () => {
  // Some twenty processes, each opening vaults: minutes on a loaded two-core machine.
  it('exchanges cards, leaves out what the sharing rules forbid, previews before importing, and imports with --ja', { timeout: 240_000 }, () => {
    const folder = makeTempFolder();
    const a = path.join(folder, 'gemeente.kluis');
    const b = path.join(folder, 'riec.kluis');
    expect(kluis(['demo', a]).code).toBe(0);
    expect(kluis(['create', b, '--naam', 'RIEC Analist']).code).toBe(0);

    const bCard = path.join(folder, 'riec-kaart.json');
    const shownB = kluis(['identity', b, '--kaart', bCard, '--organisatie', 'RIEC Testregio']);
    expect(shownB.code).toBe(0);
    expect(shownB.stdout).toMatch(/age-ontvanger: age1[0-9a-z]{58}/);
    expect(shownB.stdout).toContain('Organisatie:   RIEC Testregio');
    expect(JSON.parse(fs.readFileSync(bCard, 'utf8'))).toMatchObject({ format: 'dossierkluis-partner-card', name: 'RIEC Analist', organisation: 'RIEC Testregio' });

    const added = kluis(['partner', 'add', a, bCard, '--vergeleken', '--organisatie', 'riec']);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('RIEC Analist (RIEC Testregio)') });
    expect(kluis(['partner', 'add', a, bCard])).toMatchObject({ code: 1, stderr: 'kluis: Deze partner staat al in het adresboek.' });
    expect(kluis(['partner', 'list', a]).stdout).toMatch(/^1 {2}RIEC Analist \(RIEC Testregio\) {2}([0-9a-f]{4} ){4} vergeleken \d{4}-\d{2}-\d{2}$/);
    // The organisation the sharing rules weigh: one of the organisation list, or none.
    expect(kluis(['partner', 'organisation', a, '1', 'fiod'])).toMatchObject({ code: 0, stdout: 'Organisatie van RIEC Analist: fiod.' });
    expect(kluis(['partner', 'organisation', a, '1', 'bestaat_niet']).code).toBe(1);
    expect(kluis(['partner', 'organisation', a, '1', 'riec'])).toMatchObject({ code: 0, stdout: 'Organisatie van RIEC Analist: riec.' });

    const listing = kluis(['dossiers', a]).stdout;
    const poker = numberOf(listing, 'Pokeravonden');

    const bundle = path.join(folder, 'poker.dkbundel');
    // (The English option names still work.)
    const exported = kluis(['export', a, '--dossier', poker, '--recipient', bCard, '--out', bundle]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^Bundel geschreven: .*poker\.dkbundel/m);
    expect(exported.stderr).toContain('Voor: RIEC Analist (RIEC Testregio)');

    const preview = kluis(['import', b, bundle]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('afzender ONBEKEND');
    expect(preview.stdout).toContain(`${poker}  Pokeravonden in leegstaand pand Testlaan 3  [TLP:GREEN]  → nieuw`);
    expect(preview.stderr).toContain('Er is niets geïmporteerd.');
    expect(kluis(['dossiers', b]).stderr).toBe('Deze kluis bevat nog geen dossiers.');

    const unknown = kluis(['import', b, bundle, '--yes']);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/^kluis: De afzender \(P\. Leider \(demo\)\) staat niet in uw adresboek\./) });
    const wrongFingerprint = kluis(['import', b, bundle, '--yes', '--accept-sender', '0000 0000 0000 0000 0000 0000 0000 0000']);
    expect(wrongFingerprint.code).toBe(1);
    // The groups shown in the preview are what a person types back.
    const groups = preview.stdout.split('\n')[preview.stdout.split('\n').indexOf('Vingerafdruk van de afzender:') + 1]!.trim();
    expect(groups).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    const imported = kluis(['import', b, bundle, '--ja', '--accepteer-afzender', groups]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`^${poker} nieuw als \\d{4}-\\d{4}$`, 'm'));
    expect(imported.stderr).toContain('P. Leider (demo) staat nu in het adresboek');
    expect(kluis(['dossiers', b]).stdout).toContain('Pokeravonden in leegstaand pand Testlaan 3');

    // A passphrase bundle: the sender is known now, the passphrase comes from the environment.
    const withPassphrase = path.join(folder, 'wachtwoord.dkbundel');
    const secret = { KLUIS_BUNDEL_WACHTWOORD: BUNDLE_PASSPHRASE };
    expect(kluis(['export', a, '--dossier', poker, '--passphrase', '--out', withPassphrase], { KLUIS_BUNDEL_WACHTWOORD: 'kort' }).code).toBe(2);
    // The dossier is GREEN: a passphrase reaches "whoever has it", outside the community, so nothing goes without a reason.
    const blocked = kluis(['export', a, '--dossier', poker, '--bundelwachtwoord', '--naar', withPassphrase], secret);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('Blijft achter volgens de deelregels:');
    expect(blocked.stderr).toContain('TLP:GREEN, niet voor een onbekende ontvanger');
    expect(blocked.stderr).toContain('kluis: Er is geen bundel gemaakt: volgens de deelregels mag geen van de gekozen dossiers naar deze ontvangers.');
    expect(fs.existsSync(withPassphrase)).toBe(false);
    const reason = ['--tlp-overschrijven', 'Wachtwoord telefonisch doorgegeven (test)'];
    const overridden = kluis(['export', a, '--dossier', poker, '--passphrase', '--out', withPassphrase, ...reason], secret);
    expect(overridden.code, overridden.stderr).toBe(0);
    expect(overridden.stderr).toMatch(/\d+ gegevens? toch meegegeven, reden: Wachtwoord telefonisch doorgegeven \(test\)/);
    expect(kluis(['import', b, withPassphrase, '--yes'], { KLUIS_BUNDEL_WACHTWOORD: 'niet het goede wachtwoord' })).toMatchObject({
      code: 1,
      stderr: 'kluis: Het bundelwachtwoord is onjuist. Er is niets geïmporteerd.',
    });
    const again = kluis(['import', b, withPassphrase, '--yes'], secret);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/bijgewerkt: \d{4}-\d{4}/);

    // The secret age identity, after a warning, owner-only.
    const identityFile = path.join(folder, 'riec-age.txt');
    const written = kluis(['identity', b, '--age-sleutel', identityFile]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('GEHEIME sleutel');
    expect(fs.readFileSync(identityFile, 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/m);
    expect(fs.statSync(identityFile).mode & 0o777).toBe(0o600);
  });

  it('misuse: exit code 2 with a Dutch explanation', () => {
    const folder = makeTempFolder();
    const vault = path.join(folder, 'x.kluis');
    expect(kluis(['export', vault, '--out', path.join(folder, 'b')]).code).toBe(2);
    expect(kluis(['export', vault, '--dossier', '2025-0001', '--out', path.join(folder, 'b')]).stderr).toContain('--ontvanger');
    // Named by the Dutch name also when the English alias was typed.
    expect(kluis(['export', vault, '--dossier', '2025-0001', '--recipient'])).toMatchObject({ code: 2, stderr: '--ontvanger heeft een waarde nodig.' });
    expect(kluis(['partner', 'zoek', vault]).code).toBe(2);
    expect(kluis(['import', vault]).code).toBe(2);
  });
});
