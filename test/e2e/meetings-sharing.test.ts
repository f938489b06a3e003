import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF } from '../../electron/host/cli-options';
import { coreContextFor } from '../../electron/core/kernel/context';
import { writeProvenance } from '../../electron/core/sharing/provenance';
import { Vault } from '../../electron/core/vault/vault';
import { launchBrowser, openPage, skipWithoutBrowser, type BrowserSession } from './support/browser';
import { coreCaller, startTestHost, type TestHost } from './support/host';
import { checkScreen, unlockRecentVault } from './support/screens';

const PASSPHRASE = 'wat niet mee mag blijft weg';
const STEP_TIMEOUT = 180_000;
const RED_NOTE = 'CIE-melding over wapenopslag in de schuur';
const GREEN_NOTE = 'Handhaving zag afgeplakte ramen en een busje';
const CLEAR_NOTE = 'Buurtavond over overlast gepland';
const SHOTS = '/tmp/shots';

describe.skipIf(skipWithoutBrowser)('the meeting print preview under the sharing regime, end to end in Chromium', () => {
  let testHost: TestHost;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  const core = coreCaller(() => testHost);

  beforeAll(async () => {
    testHost = await startTestHost();
    const vaultPath = path.join(testHost.dataDir, 'Werkbestand.kluis');
    const call = core;
    await call('vault.create', { path: vaultPath, passphrase: PASSPHRASE, displayName: 'J. de Vries' });
    const dossier = await call('dossier.create', { title: 'Woonfraude Voorbeeldlaan 3', tlp: 'CLEAR', openedOn: '2026-01-05' });
    const red = await call('note.add', { dossierId: dossier.id, body: RED_NOTE, notedOn: '2026-04-01', tlp: 'RED', partner: 'politie' });
    const green = await call('note.add', { dossierId: dossier.id, body: GREEN_NOTE, notedOn: '2026-04-02', tlp: 'GREEN' });
    const clear = await call('note.add', { dossierId: dossier.id, body: CLEAR_NOTE, notedOn: '2026-04-03', tlp: 'CLEAR' });
    // Provenance has no handler of its own yet: written into the locked vault directly.
    await call('vault.lock', {});
    const vault = await Vault.unlock(vaultPath, { passphrase: PASSPHRASE }, FAST_KDF);
    try {
      const context = coreContextFor(vault);
      writeProvenance(context, 'note', red.id, { originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' });
      for (const id of [green.id, clear.id]) writeProvenance(context, 'note', id, { originator: 'gemeente', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' });
    } finally {
      vault.lock();
    }
    await call('vault.unlock', { path: vaultPath, passphrase: PASSPHRASE });
    const meeting = await call('meeting.create', {
      kind: 'casustafel',
      heldOn: '2026-05-12',
      tlp: 'GREEN',
      title: 'Casustafel Voorbeeldlaan',
      participants: [
        { name: 'W. Agent', organisationCode: 'politie' },
        { name: 'H. Huur', organisationCode: 'woningcorporatie' },
      ],
    });
    await call('meeting.addItem', { meetingId: meeting.id, dossierId: dossier.id });
    await call('vault.lock', {});

    browser = await launchBrowser();
    session = await openPage(browser);
    page = session.page;
    await unlockRecentVault(page, testHost.host.url, PASSPHRASE);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testHost?.stop();
  });

  it('shows what the agenda leaves out for the participants, and lets the user print it for internal use', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
    await page.getByRole('link', { name: /^Overleg Casustafel Voorbeeldlaan van/ }).click();
    const preview = page.getByRole('region', { name: 'Afdrukvoorbeeld: wat gaat er mee' });
    const notIncluded = preview.getByRole('note', { name: 'Niet opgenomen' });
    await expect.poll(() => notIncluded.isVisible()).toBe(true);
    const said = await notIncluded.innerText();
    expect(said).toContain('TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven');
    expect(said).toContain('strafrechtelijke persoonsgegevens (art. 10 AVG)');
    const items = await preview.locator('.app-meetings-preview').innerText();
    expect(items).toContain(CLEAR_NOTE);
    expect(items).not.toContain('wapenopslag');
    expect(items).not.toContain(GREEN_NOTE);
    expect(await preview.getByText('Politie (W. Agent), Woningcorporatie (H. Huur)', { exact: true }).isVisible()).toBe(true);

    await preview.scrollIntoViewIfNeeded();
    fs.mkdirSync(SHOTS, { recursive: true });
    await preview.screenshot({ path: path.join(SHOTS, 'meeting-preview.png') });
    await checkScreen(page, 'meetings-01-preview');

    // For internal use nothing is left out, and the page's code follows the content.
    await preview.getByLabel('Voor', { exact: true }).selectOption('internal');
    await expect.poll(() => preview.getByText('Alles gaat mee: er is niets weggelaten.').isVisible()).toBe(true);
  });

  it('carries the outcome into the dossier as an internal, ungraded note unless the user chooses otherwise', { timeout: STEP_TIMEOUT }, async () => {
    const item = page.getByRole('article', { name: /^Agendapunt 1: / });
    await item.getByLabel('Uitkomst', { exact: true }).selectOption('besluit');
    await item.getByRole('button', { name: 'Agendapunt opslaan' }).click();
    await expect.poll(() => item.getByText('Agendapunt 1 is opgeslagen.').isVisible()).toBe(true);
    await item.getByRole('button', { name: 'Uitkomst verwerken in dossier…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Uitkomst verwerken in dossier/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('Betrouwbaarheid bron').inputValue()).toBe('X');
    expect(await dialog.getByLabel('Betrouwbaarheid informatie').inputValue()).toBe('4');
    // The strictest code of what the item holds: the dossier and the one note that went on the agenda, both CLEAR.
    expect(await dialog.getByLabel('Behandelcode').inputValue()).toBe('CLEAR');
    expect(await dialog.getByLabel(/^Interne notitie/).isChecked()).toBe(true);
    await checkScreen(page, 'meetings-02-outcome');
    await dialog.getByRole('button', { name: 'Bevestigen en verwerken' }).click();
    await expect.poll(() => item.getByText(/^Verwerkt in het dossier op/).isVisible()).toBe(true);
    const [dossier] = (await core('dossier.list', { limit: 5 })).items;
    const notes = await core('note.list', { dossierId: dossier!.id, limit: 5 });
    expect(notes.items[0]).toMatchObject({ internal: true, sourceGrade: 'X', informationGrade: 4, tlp: 'CLEAR' });
    expect(notes.items[0]!.body).toContain('Casustafel Voorbeeldlaan');
  });
});
