import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPORARY_COPY_PREFIX } from '../../electron/core/attachments/temporary-copies';
import { FAST_KDF } from '../../electron/host/cli-options';
import { startHost, type RunningHost } from '../../electron/host/host';
import { formatBytes } from '../../renderer/src/format/bytes';
import { makeOnePagePdf, makePdf, makePng } from '../support/sample-files';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { RENDERER_DIR } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'een bijlage zegt meer dan duizend woorden';
const STEP_TIMEOUT = 120_000;
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOSSIER_TITLE = 'Bijlagen loods Havenstraat (fictief)';
const MiB = 1024 * 1024;

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const size = (bytes: number) => formatBytes(bytes, 'nl');

describe.skipIf(skipWithoutBrowser)('attachments of a dossier, end to end in Chromium', () => {
  let host: RunningHost;
  let dataDir: string;
  let copiesDir: string;
  let files: string;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  /** What the fake "open with" was asked to open: the operating system's part, not ours. */
  const opened: string[] = [];

  const png = makePng(120, 80);
  const pdf = makeOnePagePdf();
  // Two pages behind a megabyte of padding: the preview has to read it range by range.
  const twoPagePdf = makePdf(['Eerste pagina (fictief)', 'Tweede pagina: huurcontract (fictief)'], 1.2 * MiB);

  /** A table row by its header: the file name, then its type. */
  const rowOf = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[.()]/g, '\\$&')} `) }) });
  const addForm = () => page.getByRole('region', { name: 'Bijlage toevoegen' });
  const attachmentsTab = () => page.getByRole('tab', { name: /^(Bijlagen|attachments)$/ });

  async function addFile(filePath: string, grading?: { source: string; information: string }) {
    const form = addForm();
    await form.getByLabel('Bestand', { exact: true }).fill(filePath);
    if (grading) {
      const fieldset = form.getByRole('group', { name: 'Waardering (4x4)' });
      await fieldset.getByLabel('Bron', { exact: true }).selectOption(grading.source);
      await fieldset.getByLabel('Informatie', { exact: true }).selectOption(grading.information);
    }
    await form.getByRole('button', { name: 'Toevoegen' }).click();
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-e2e-bijlagen-'));
    copiesDir = path.join(dataDir, 'tijdelijk');
    files = path.join(dataDir, 'bestanden');
    fs.mkdirSync(copiesDir);
    fs.mkdirSync(files);
    // The real browser host with the core in its worker thread; only "open with" is a stand-in,
    // so that the test does not start programs on this machine.
    host = await startHost({
      port: 0,
      dataDir,
      rendererDir: RENDERER_DIR,
      vault: FAST_KDF,
      coreWorker: { script: path.join(REPO_ROOT, 'test/support/typescript-worker.mjs'), argv: [path.join(REPO_ROOT, 'electron/core/worker/core-worker.ts')] },
      temporaryCopiesDir: copiesDir,
      openPath: async (filePath) => {
        opened.push(filePath);
      },
    });
    await host.core.call('vault.create', { path: path.join(dataDir, 'Werkbestand.kluis'), passphrase: PASSPHRASE, displayName: 'J. de Vries' });
    await host.core.call('dossier.create', { title: DOSSIER_TITLE, tlp: 'AMBER' });
    await host.core.call('vault.lock', {});
    fs.writeFileSync(path.join(files, 'foto-voorgevel.png'), png);
    fs.writeFileSync(path.join(files, 'proces-verbaal.pdf'), pdf);
    fs.writeFileSync(path.join(files, 'huurcontract.pdf'), twoPagePdf);
    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await host?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a PNG and a PDF by typed path, listed with their size, type, grading and TLP', { timeout: STEP_TIMEOUT }, async () => {
    await unlockRecentVault(page, host.url, PASSPHRASE);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: new RegExp(DOSSIER_TITLE.replace(/[()]/g, '\\$&')) }).click();
    await attachmentsTab().click();
    await expect.poll(() => page.getByText('Dit dossier heeft nog geen bijlagen.').isVisible(), { timeout: 20_000 }).toBe(true);
    // The browser host has no native dialog: a typed path, no "Bladeren…".
    await expect.poll(() => addForm().getByRole('button', { name: 'Bladeren…' }).count()).toBe(0);
    // New attachments start with the dossier's handling code.
    expect(await addForm().getByLabel('Behandelcode (TLP)').inputValue()).toBe('AMBER');

    // A path that leads nowhere: said beside the field, in Dutch, and nothing is added.
    const missing = path.join(files, 'bestaat-niet.pdf');
    await addFile(missing);
    await expect.poll(() => addForm().getByText(`Er is geen bestand op ${missing}. Controleer het pad.`).isVisible(), { timeout: 20_000 }).toBe(true);
    // A folder is not a file.
    await addFile(files);
    await expect.poll(() => addForm().getByText('Dit is een map of apparaat, geen bestand. Kies een bestand.').isVisible(), { timeout: 20_000 }).toBe(true);

    await addFile(path.join(files, 'foto-voorgevel.png'), { source: 'B', information: '2' });
    await expect.poll(() => page.getByText(`‘foto-voorgevel.png’ (${size(png.length)}) is toegevoegd.`).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await addForm().getByLabel('Bestand', { exact: true }).inputValue()).toBe('');
    await addFile(path.join(files, 'proces-verbaal.pdf'));
    await expect.poll(() => rowOf('proces-verbaal.pdf').isVisible(), { timeout: 30_000 }).toBe(true);
    await addFile(path.join(files, 'huurcontract.pdf'), { source: 'A', information: '1' });
    await expect.poll(() => rowOf('huurcontract.pdf').isVisible(), { timeout: 30_000 }).toBe(true);

    const photo = rowOf('foto-voorgevel.png');
    // Name and type; then size, added, grading, TLP, actions.
    expect(await photo.getByRole('rowheader').innerText()).toBe('foto-voorgevel.png\nPNG-afbeelding');
    const cells = await photo.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe(size(png.length));
    expect(cells[1]).toMatch(/^\d{2}-\d{2}-\d{4}\ndoor J. de Vries$/);
    // Shown as the police writes it; spelled out (visually hidden) for screen readers.
    expect(cells[2]).toMatch(/^B2\n/);
    expect(cells[2]).toContain('Waardering B2: bron Meestal betrouwbaar, informatie De bron persoonlijk bekend');
    expect(cells[3]).toMatch(/^TLP:AMBER\n/);
    expect(await photo.getByText('B2', { exact: true }).isVisible()).toBe(true);
    expect(await rowOf('proces-verbaal.pdf').getByRole('rowheader').innerText()).toBe('proces-verbaal.pdf\nPDF-document');
    const report = (await rowOf('proces-verbaal.pdf').getByRole('cell').allInnerTexts()).slice(0, 4).map((text) => text.split('\n')[0]);
    expect(report).toEqual([size(pdf.length), expect.stringMatching(/^\d{2}-\d{2}-\d{4}$/), 'X4', 'TLP:AMBER']);
    // Every action of every row is in view, not cut off by the table's width.
    for (const name of ['Voorbeeld van huurcontract.pdf', 'Naar prullenbak: huurcontract.pdf']) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      const table = (await page.getByRole('table').boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(table.x + table.width);
    }
    expect(await page.getByRole('heading', { level: 2, name: /Bijlagen\s*3 bijlagen/ }).isVisible()).toBe(true);
    await checkScreen(page, 'attachments-01-list');
  });

  it('previews the PNG as an image of its real size, and lets go of it when closed', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Voorbeeld van foto-voorgevel.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'Voorbeeld: foto-voorgevel.png' });
    const image = dialog.getByRole('img', { name: 'foto-voorgevel.png' });
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth), { timeout: 20_000 }).toBe(120);
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalHeight)).toBe(80);
    const source = await image.getAttribute('src');
    expect(source).toMatch(/^blob:/);
    // The handling code travels with what is shown.
    expect(await dialog.getByText('TLP:AMBER', { exact: true }).isVisible()).toBe(true);
    await checkScreen(page, 'attachments-02-image-preview');

    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // The Blob URL was revoked: the picture can no longer be loaded from it.
    const loadsAfterClose = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const probe = new Image();
          probe.onload = () => resolve('loaded');
          probe.onerror = () => resolve('revoked');
          probe.src = url!;
        }),
      source,
    );
    expect(loadsAfterClose).toBe('revoked');
    // That refused load is the one console error this step causes on purpose.
    const revokedProbe = session.problems.findIndex((problem) => problem.includes('blob:') && problem.includes('ERR_FILE_NOT_FOUND'));
    if (revokedProbe >= 0) session.problems.splice(revokedProbe, 1);
  });

  it('draws a PDF page into a canvas with pdf.js, page by page', { timeout: STEP_TIMEOUT }, async () => {
    const darkPixels = (canvas: ReturnType<Page['locator']>) =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const context = element.getContext('2d')!;
        const { data } = context.getImageData(0, 0, element.width, element.height);
        let dark = 0;
        for (let index = 0; index < data.length; index += 4) if (data[index]! < 100 && data[index + 1]! < 100 && data[index + 2]! < 100 && data[index + 3]! > 200) dark++;
        return dark;
      });

    await page.getByRole('button', { name: 'Voorbeeld van proces-verbaal.pdf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Voorbeeld: proces-verbaal.pdf' });
    const canvas = dialog.getByRole('img', { name: 'Pagina 1 van 1 van proces-verbaal.pdf' });
    await expect.poll(() => canvas.isVisible(), { timeout: 30_000 }).toBe(true);
    // The black bar alone is 451 × 36 points: thousands of dark pixels, on a white page.
    await expect.poll(() => darkPixels(canvas), { timeout: 10_000 }).toBeGreaterThan(5000);
    expect(await dialog.getByRole('button', { name: 'Vorige pagina' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Volgende pagina' }).isDisabled()).toBe(true);
    await dialog.getByText('Tekst van deze pagina').click();
    expect(await dialog.getByText('Proces-verbaal (fictief)').isVisible()).toBe(true);
    await checkScreen(page, 'attachments-03-pdf-preview');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    // A larger PDF of two pages, read by range: the second page is drawn after "Volgende pagina".
    await page.getByRole('button', { name: 'Voorbeeld van huurcontract.pdf' }).click();
    const contract = page.getByRole('dialog', { name: 'Voorbeeld: huurcontract.pdf' });
    await expect.poll(() => contract.getByRole('img', { name: 'Pagina 1 van 2 van huurcontract.pdf' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await contract.getByRole('button', { name: 'Volgende pagina' }).click();
    const second = contract.getByRole('img', { name: 'Pagina 2 van 2 van huurcontract.pdf' });
    await expect.poll(() => contract.getByRole('status').filter({ hasText: 'Pagina 2 van 2' }).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => darkPixels(second), { timeout: 20_000 }).toBeGreaterThan(5000);
    await contract.getByText('Tekst van deze pagina').click();
    await expect.poll(() => contract.getByText('Tweede pagina: huurcontract (fictief)').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await contract.getByRole('button', { name: 'Volgende pagina' }).isDisabled()).toBe(true);
    // Escape closes it, as a modal should.
    await page.keyboard.press('Escape');
    await expect.poll(() => contract.count()).toBe(0);
  });

  it('shows a progress bar during a long import, stays usable, and can stop it leaving nothing', { timeout: STEP_TIMEOUT }, async () => {
    // 3 GB of zeros (a sparse file: no time or disk to make it); the core encrypts every page all the
    // same. That is about a minute of work, so the stop below lands in the middle of it on any machine
    // (with 600 MB an idle machine was done before the click, and then committing took its time).
    const big = path.join(files, 'camerabeelden.bin');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 3000 * MiB);
    await addFile(big);
    const bar = addForm().getByRole('progressbar', { name: 'Voortgang van het toevoegen' });
    await expect.poll(() => bar.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => Number(await bar.evaluate((element: HTMLProgressElement) => element.value)), { timeout: 20_000 }).toBeGreaterThan(0);
    await checkScreen(page, 'attachments-04-progress');

    // The page answers while the core works: another tab opens at once, and back again the bar is still there.
    const switchedAt = Date.now();
    await page.getByRole('tab', { name: /^(Subjecten|subjects)$/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: /^(Subjecten|subjects)$/ }).getAttribute('aria-selected')).toBe('true');
    await attachmentsTab().click();
    expect(Date.now() - switchedAt).toBeLessThan(5_000);
    expect(await bar.isVisible()).toBe(true);
    const before = Number(await bar.evaluate((element: HTMLProgressElement) => element.value));
    expect(before).toBeLessThan(100);

    await addForm().getByRole('button', { name: 'Afbreken' }).click();
    await expect.poll(() => addForm().getByText('Het toevoegen is afgebroken. Er is niets bewaard.').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => bar.count()).toBe(0);
    await expect.poll(() => rowOf('huurcontract.pdf').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => rowOf('camerabeelden.bin').count()).toBe(0);
    const listed = await host.core.call('attachment.list', { dossierId: 1 });
    expect(listed.map((attachment) => attachment.fileName)).toEqual(['foto-voorgevel.png', 'proces-verbaal.pdf', 'huurcontract.pdf']);

    // 30 MB of random bytes go in whole, with the right size.
    const random = path.join(files, 'tapverslag.bin');
    fs.writeFileSync(random, crypto.randomBytes(30 * MiB));
    await addFile(random);
    await expect.poll(() => rowOf('tapverslag.bin').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await rowOf('tapverslag.bin').getByRole('rowheader').innerText()).toBe('tapverslag.bin\nBIN-bestand');
    expect((await rowOf('tapverslag.bin').getByRole('cell').allInnerTexts())[0]).toBe('30 MB');
  });

  it('saves an attachment where the user says, with the same SHA-256, and asks before replacing a file', { timeout: STEP_TIMEOUT }, async () => {
    const target = path.join(dataDir, 'uit', 'voorgevel-kopie.png');
    await page.getByRole('button', { name: 'Opslaan als… foto-voorgevel.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'Opslaan als: foto-voorgevel.png' });
    const field = dialog.getByLabel('Opslaan als', { exact: true });
    // A starting point beside the vault, with the attachment's own name.
    expect(await field.inputValue()).toBe(path.join(dataDir, 'foto-voorgevel.png'));
    await field.fill(target);
    await dialog.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => dialog.getByText(`Opgeslagen als ${target}`).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(sha256(fs.readFileSync(target))).toBe(sha256(png));
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    // The same target again: asked first, replaced only on "Vervangen".
    fs.writeFileSync(target, 'iets anders');
    await page.getByRole('button', { name: 'Opslaan als… foto-voorgevel.png' }).click();
    await dialog.getByLabel('Opslaan als', { exact: true }).fill(target);
    await dialog.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const question = dialog.getByRole('group', { name: `Er staat al een bestand op ${target}. Wilt u het vervangen?` });
    await expect.poll(() => question.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('iets anders');
    await question.getByRole('button', { name: 'Vervangen' }).click();
    await expect.poll(() => dialog.getByText(`Opgeslagen als ${target}`).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(sha256(fs.readFileSync(target))).toBe(sha256(png));
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
  });

  it('opens a temporary copy with another program, says so plainly, and removes it on lock', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Openen met ander programma: proces-verbaal.pdf' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Er is een tijdelijke, onversleutelde kopie gemaakt in' });
    await expect.poll(() => notice.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(opened).toHaveLength(1);
    const copy = opened[0]!;
    expect(path.basename(copy)).toBe('proces-verbaal.pdf');
    expect(path.basename(path.dirname(copy))).toMatch(new RegExp(`^${TEMPORARY_COPY_PREFIX}`));
    expect(sha256(fs.readFileSync(copy))).toBe(sha256(pdf));
    const text = await notice.innerText();
    expect(text).toContain(path.dirname(copy));
    expect(text).toContain('Die wordt verwijderd zodra u de kluis vergrendelt of Dossierkluis sluit.');
    expect(text).toContain('Sla wijzigingen in die kopie op een andere plek op als u ze wilt bewaren.');
    await checkScreen(page, 'attachments-05-open-copy');

    // A program is never started from the vault.
    fs.writeFileSync(path.join(files, 'factuur.pdf.exe'), 'MZ nep-programma');
    await addFile(path.join(files, 'factuur.pdf.exe'));
    await expect.poll(() => rowOf('factuur.pdf.exe').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: 'Openen met ander programma: factuur.pdf.exe' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Dit bestand is een programma, script of snelkoppeling.' }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(opened).toHaveLength(1);

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(fs.existsSync(copy)).toBe(false);
    expect(fs.readdirSync(copiesDir)).toEqual([]);
  });

  it('moves an attachment to the trash after asking', { timeout: STEP_TIMEOUT }, async () => {
    // Still on the unlock screen the lock left us on.
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    // The unlock returns to the dossier that was open at the lock; the way there from the menu works from anywhere.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: new RegExp(DOSSIER_TITLE.replace(/[()]/g, '\\$&')) }).click();
    await attachmentsTab().click();
    await expect.poll(() => rowOf('factuur.pdf.exe').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole('button', { name: 'Naar prullenbak: factuur.pdf.exe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Naar de prullenbak' });
    expect(await dialog.getByText('‘factuur.pdf.exe’ naar de prullenbak verplaatsen?').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    expect(await rowOf('factuur.pdf.exe').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Naar prullenbak: factuur.pdf.exe' }).click();
    await dialog.getByRole('button', { name: 'Naar prullenbak' }).click();
    await expect.poll(() => page.getByText('‘factuur.pdf.exe’ staat nu in de prullenbak.').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => rowOf('factuur.pdf.exe').count(), { timeout: 20_000 }).toBe(0);
    const trash = await host.core.call('trash.list', {});
    expect(trash.map((item) => [item.kind, item.label])).toEqual([['attachment', 'factuur.pdf.exe']]);
  });

  it('logged no console errors and no CSP refusals', () => {
    expect(session.problems).toEqual([]);
  });
});
