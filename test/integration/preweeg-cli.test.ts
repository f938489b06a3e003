import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoVault } from '../../electron/core/demo/demo-data';
import { findChromium } from '../../electron/core/documents/pdf';
import { docxPart, pdfPageTexts, wordParagraphs } from '../support/document-files';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

const cliSource = path.resolve('electron/core/cli/kluis.ts');

function kluis(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: TEST_PASSPHRASE },
    input: '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('kluis preweeg', () => {
  it('composes a draft when there is none and writes it as Word and PDF; a second run writes the same version', async () => {
    const folder = makeTempFolder();
    const vaultPath = path.join(folder, 'demo.kluis');
    await createDemoVault(vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS);
    const pdf = path.join(folder, 'uit', 'preweeg.pdf');
    const docx = path.join(folder, 'uit', 'preweeg.docx');
    const withPdf = findChromium().path !== null;

    const first = kluis(['preweeg', vaultPath, '2025-0001', '--docx', docx, ...(withPdf ? ['--pdf', pdf] : [])]);
    expect(first.stderr).toContain('concept opgesteld (versie 1)');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Word geschreven: ${docx} (versie 1`);
    // Composed for the lokale driehoek: what may not go to it is left out, and said on stderr.
    expect(first.stderr).toMatch(/Concept: weggelaten \d+ gegevens: herkomst of gebruiksbeperking onbekend/);
    expect(wordParagraphs(docxPart(docx, 'word/document.xml'))).toContain('Dossiernummer: 2025-0001');
    if (withPdf) {
      const pages = await pdfPageTexts(pdf);
      expect(pages[0]).toContain('Dossier 2025-0001');
      expect(pages.at(-1)).toContain(`pagina ${pages.length} van ${pages.length}`);
    }

    const again = kluis(['preweeg', vaultPath, '2025-0001', '--docx', docx]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Op deze plek staat al een bestand');
    // For internal use nothing more is left out than the version already left out for the driehoek; the
    // output names what composing left out (it is not in the text either), and only that.
    const composedOut = first.stderr
      .split('\n')
      .filter((line) => line.startsWith('Concept: weggelaten '))
      .map((line) => line.slice('Concept: '.length))
      .sort();
    expect(composedOut.length).toBeGreaterThan(0);
    const wordOut = (stderr: string) =>
      stderr
        .split('\n')
        .map((line) => line.replace(/^Word: /, ''))
        .sort();
    const overwritten = kluis(['preweeg', vaultPath, '2025-0001', '--docx', docx, '--overschrijven', '--intern']);
    expect(overwritten.code).toBe(0);
    expect(wordOut(overwritten.stderr)).toEqual(composedOut);
    expect(overwritten.stdout).toContain('(versie 1,');
    expect(fs.statSync(docx).mode & 0o777).toBe(0o600);
    // The English names of the options do the same.
    const english = kluis(['preweeg', vaultPath, '2025-0001', '--docx', docx, '--overwrite', '--internal']);
    expect(english.code).toBe(0);
    expect(wordOut(english.stderr)).toEqual(composedOut);

    // Composed for a private party: what may not go to it is left out, and stderr says why.
    const housing = kluis(['preweeg', vaultPath, '2025-0002', '--docx', path.join(folder, 'uit', 'woningcorporatie.docx'), '--audience', 'woningcorporatie']);
    expect(housing.code).toBe(0);
    expect(housing.stderr).toMatch(/Concept: weggelaten \d+ gegevens?: strafrechtelijke persoonsgegevens/);
    const register = kluis(['preweeg', vaultPath, '2025-0001', '--docx', docx, '--overwrite', '--ontvanger', 'geen_organisatie']);
    expect(register).toMatchObject({ code: 2, stderr: expect.stringContaining('Onbekende organisatie: geen_organisatie') });
  }, 120_000);

  it('answers misuse with exit code 2 and a Dutch sentence', () => {
    expect(kluis(['preweeg', 'x.kluis', '2025-0001'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Geef --pdf <bestand>, --docx <bestand> of beide.') });
    expect(kluis(['preweeg', 'x.kluis', 'dossier-1', '--pdf', 'a.pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('is geen dossiernummer') });
    expect(kluis(['preweeg', 'x.kluis', '2025-0001', '--pdf', 'a.pdf', '--intern', '--ontvanger', 'politie'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Geef --ontvanger of --intern, niet allebei.'),
    });
  });
});
