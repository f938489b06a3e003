import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoVault } from '../../electron/core/demo/demo-data';
import { findChromium } from '../../electron/core/documents/pdf';
import { coreContextFor } from '../../electron/core/kernel/context';
import { decideForOutput, loadFacts, recordDisclosure } from '../../electron/core/sharing/regime';
import { Vault } from '../../electron/core/vault/vault';
import { pdfPageTexts } from '../support/document-files';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

const hasChromium = findChromium().path !== null;
const NOW = new Date('2026-03-01T10:00:00Z');
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

/** Personal data that must never reach the year report. */
const PERSON = { name: 'Zacharias Kanarievogel', birthDate: '1971-06-30', bsn: '111222333' };
const REPORTER = 'Melder Mirjam Pimpelmees';

/** Whitespace as pdf.js happens to split it does not matter: one space between words. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

type Session = Awaited<ReturnType<typeof openDossierCore>>;

describe('the year report and the access request as PDF', () => {
  // One vault for the three steps (temporary folders go after each test).
  let session: Session;
  let folder: string;
  let first: { label: string };
  let second: { label: string };
  const dossiers: Array<{ id: number; number: string; title: string }> = [];

  async function setUp() {
    folder = makeTempFolder();
    session = await openDossierCore({ now: () => NOW });
    const { call } = session;
    const phenomena = (await call('phenomenon.list', {})).filter((phenomenon) => phenomenon.parentId === null);
    first = phenomena[0]!;
    second = phenomena[1]!;
    // 2025: 9 signals of the first phenomenon by citizens (3 in January, 6 in March), 3 of the second
    // by partners in May (a small count); one on the last day of 2024 that does not count.
    const specs = [
      ...Array.from({ length: 3 }, () => ({ receivedOn: '2025-01-15', phenomenonId: phenomena[0]!.id, howReceived: 'burger' as const })),
      ...Array.from({ length: 6 }, (_, index) => ({ receivedOn: `2025-03-${String(index + 10)}`, phenomenonId: phenomena[0]!.id, howReceived: 'burger' as const })),
      ...Array.from({ length: 3 }, () => ({ receivedOn: '2025-05-02', phenomenonId: phenomena[1]!.id, howReceived: 'partner' as const })),
      { receivedOn: '2024-12-31', phenomenonId: phenomena[1]!.id, howReceived: 'partner' as const },
    ];
    const signals = [];
    for (const [index, spec] of specs.entries()) {
      signals.push(await call('signal.create', { ...spec, summary: `Overlast pand ${index} bij ${PERSON.name}`, reporterName: REPORTER, reporterContact: '06-12345678' }));
    }
    for (const title of ['Hennepzolder Kanarieweg', 'Kamerverhuur Kanarieweg']) {
      const dossier = await call('dossier.create', { title, openedOn: '2025-04-01' });
      dossiers.push({ id: dossier.id, number: dossier.number, title });
    }
    await call('signal.attachToDossier', { signalId: signals[0]!.id, dossierId: dossiers[0]!.id });
    const person = await call('subject.create', { details: { type: 'person', ...PERSON } });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossiers[0]!.id, role: 'huurder' });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossiers[1]!.id, role: 'eigenaar' });
    await call('note.add', { dossierId: dossiers[1]!.id, body: `Gesprek met ${PERSON.name} over de verhuur.` });
    // The strictest item the access request will find: the PDF's marking must follow it.
    await call('note.add', { dossierId: dossiers[1]!.id, body: `Politie: ${PERSON.name} is bekend.`, tlp: 'RED' });
    // An earlier bundle gave the person's link to the first dossier to the police (by override), as the bundle export records it.
    const link = (await call('accessRequest.search', { bsn: PERSON.bsn })).dossiers.find((row) => row.id === dossiers[0]!.id)!;
    await session.core.call('vault.lock', {});
    const vault = await Vault.unlock(session.vaultPath, { passphrase: TEST_PASSPHRASE }, { ...FAST_VAULT_OPTIONS, now: () => new Date('2026-02-03T10:00:00Z') });
    try {
      const context = coreContextFor(vault);
      const police = { kind: 'recipients' as const, members: [{ organisation: 'politie', person: null, verified: true }] };
      const decision = decideForOutput(context, loadFacts(context, [{ kind: 'dossier-link', id: link.linkId }]), police, { reason: 'Afgestemd met de politie' });
      recordDisclosure(context, { output: 'bundle', channel: 'bundle', audience: police, decision });
    } finally {
      vault.lock();
    }
    await session.core.call('vault.unlock', { path: session.vaultPath, passphrase: TEST_PASSPHRASE });
  }

  it.skipIf(!hasChromium)(
    'writes both, and records the exports in the audit trail without the person',
    async () => {
      await setUp();
      await yearReport();
      await accessRequest();
      await audit();
    },
    120_000,
  );

  /** The year report: the figures counted apart, "< 5" for a small count, page x of y, no personal data. */
  async function yearReport() {
    const target = path.join(folder, 'uit', 'jaarrapportage-meldpunt-2025.pdf');
    const written = await session.call('report.exportPdf', { ...YEAR, targetPath: target });
    expect(written).toEqual({ path: target, bytes: fs.statSync(target).size });
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);

    const pages = (await pdfPageTexts(target)).map(flat);
    const all = pages.join('\n');
    expect(all).toContain('Jaarrapportage meldpunt 2025');
    expect(all).toContain('Signalen ontvangen: 12');
    // The tables: 9 of the first phenomenon, the second's 3 as "< 5"; by how received the same.
    expect(all).toContain(`${first.label} 9`);
    expect(all).toContain(`${second.label} < 5`);
    expect(all).not.toContain(`${second.label} 3`);
    expect(all).toMatch(/Burger(?:\s\S+)* 9/);
    expect(all).toContain('mrt 2025 6');
    expect(all).toContain('jan 2025 < 5');
    expect(all).toContain('dec 2025 0');
    expect(all).toContain('Dossiers geopend < 5');
    // The charts carry the labels too: "< 5" beside a bar that is not drawn, more often than the tables alone.
    expect(all.split('< 5').length - 1).toBeGreaterThanOrEqual(8);
    expect(all).toContain('opgesteld op 01-03-2026');
    pages.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toContain(`pagina ${index + 1} van ${pages.length}`);
      expect(text, `page ${index + 1}`).toContain('Jaarrapportage meldpunt 2025');
      // Counts only: the regime's marking for a report without facts.
      expect(text, `page ${index + 1}`).toContain('TLP:CLEAR');
    });
    for (const personal of [PERSON.name, 'Kanarievogel', PERSON.bsn, REPORTER, 'Pimpelmees', '06-12345678', 'Hennepzolder', 'Kanarieweg', 'Overlast pand']) {
      expect(all, personal).not.toContain(personal);
    }

    // Exists now: FILE_EXISTS unless overwrite.
    expect((await session.fail('report.exportPdf', { ...YEAR, targetPath: target })).code).toBe('FILE_EXISTS');
    expect(await session.call('report.exportPdf', { ...YEAR, targetPath: target, overwrite: true })).toMatchObject({ path: target });
    expect((await session.fail('report.exportPdf', { from: '2025-12-31', to: '2025-01-01', targetPath: target })).code).toBe('INVALID_INPUT');
  }

  /** The access request: the person's dossiers, the handling code and "Vertrouwelijk — inzageverzoek" on every page. */
  async function accessRequest() {
    const target = path.join(folder, 'inzageverzoek-2026-03-01.pdf');
    await session.call('accessRequest.exportPdf', { criteria: { bsn: PERSON.bsn }, reference: 'AVG-2026-7', targetPath: target });
    const pages = (await pdfPageTexts(target)).map(flat);
    const all = pages.join('\n');
    for (const dossier of dossiers) {
      expect(all).toContain(dossier.number);
      expect(all).toContain(dossier.title);
    }
    expect(all).toContain(PERSON.name);
    expect(all).toContain('Gezocht op BSN 111222333');
    expect(all).toContain('AVG-2026-7');
    expect(all).toContain(`Gesprek met ${PERSON.name} over de verhuur.`);
    expect(all).toContain('Subject aan een dossier gekoppeld als huurder');
    // Per own fact of the person: to whom it went, from the register; the other link went to nobody.
    expect(all).toContain('Verstrekt aan: Politie (bundel, 03-02-2026)');
    expect(all).toContain('Verstrekt aan: niemand');
    expect(all).toContain(`Politie: ${PERSON.name} is bekend.`);
    // Every page: the confidentiality header, the strictest code of its content (the RED note), page x of y.
    pages.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toContain('Vertrouwelijk — inzageverzoek');
      expect(text, `page ${index + 1}`).toContain('TLP:RED');
      expect(text, `page ${index + 1}`).toContain(`pagina ${index + 1} van ${pages.length}`);
    });
    expect((await session.fail('accessRequest.exportPdf', { criteria: {}, targetPath: path.join(folder, 'x.pdf') })).code).toBe('INVALID_INPUT');
  }

  async function audit() {
    const trail = await session.auditTrail();
    const reports = trail.filter((entry) => entry.action === 'report.exported');
    expect(reports.map((entry) => entry.details)).toEqual([
      { ...YEAR, format: 'pdf' },
      { ...YEAR, format: 'pdf' },
    ]);
    const access = trail.filter((entry) => entry.action === 'access-request.exported');
    expect(access.map((entry) => entry.details)).toEqual([{ format: 'pdf', criteria: ['bsn'], subjects: 1, dossiers: 2, reference: 'AVG-2026-7' }]);
    const exportEntries = JSON.stringify([...reports, ...access]);
    expect(exportEntries).not.toMatch(/111222333|Kanarievogel|inzageverzoek-2026/);
    // The register: the bundle, two year reports (counts only: CLEAR, no items), the access request
    // (internal use, marked as its strictest item, everything it showed, no path: it may name the person).
    const disclosures = trail.filter((entry) => entry.action === 'disclosure.recorded').map((entry) => entry.details);
    expect(disclosures.map((details) => [details.output, details.channel, details.marking])).toEqual([
      ['bundle', 'bundle', 'AMBER+STRICT'],
      ['report', 'pdf', 'CLEAR'],
      ['report', 'pdf', 'CLEAR'],
      ['access-request', 'pdf', 'RED'],
    ]);
    expect(disclosures[1]).toMatchObject({ audience: { kind: 'internal' }, items: [], dossiers: [], withheld: 0 });
    const accessDisclosure = disclosures[3]!;
    expect(accessDisclosure).toMatchObject({ audience: { kind: 'internal' }, withheld: 0, path: null });
    const kinds = (accessDisclosure.items as Array<{ kind: string }>).map((item) => item.kind);
    expect(new Set(kinds)).toEqual(new Set(['subject', 'dossier', 'dossier-link', 'signal', 'note']));
    expect(kinds.filter((kind) => kind === 'note')).toHaveLength(2);
    expect((accessDisclosure.dossiers as Array<{ number: string }>).map((dossier) => dossier.number)).toEqual(dossiers.map((dossier) => dossier.number));
  }
});

describe('kluis report --pdf', () => {
  it.skipIf(!hasChromium)(
    'writes the year report as PDF from the command line; an existing file only with --overschrijven',
    async () => {
      const folder = makeTempFolder();
      const vaultPath = path.join(folder, 'demo.kluis');
      await createDemoVault(vaultPath, TEST_PASSPHRASE, FAST_VAULT_OPTIONS);
      const pdf = path.join(folder, 'uit', 'jaarrapportage.pdf');
      const run = (extra: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', path.resolve('electron/core/cli/kluis.ts'), 'report', vaultPath, '--year', '2025', '--pdf', pdf, ...extra], {
          env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: TEST_PASSPHRASE },
          input: '',
          encoding: 'utf8',
        });
      const first = run([]);
      expect(first.stderr.trim()).toBe(`PDF geschreven: ${pdf}`);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('Jaarrapportage meldpunt 2025');
      const pages = (await pdfPageTexts(pdf)).map(flat);
      expect(pages[0]).toContain('Jaarrapportage meldpunt 2025');
      expect(pages.at(-1)).toContain(`pagina ${pages.length} van ${pages.length}`);
      // The CLI's own total and the PDF's agree.
      const total = /Signalen\s+Totaal\s+(\S+)/.exec(first.stdout)![1];
      expect(pages.join('\n')).toContain(`Signalen ontvangen: ${total}`);

      const again = run([]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('Op deze plek staat al een bestand');
      expect(run(['--overschrijven']).status).toBe(0);
    },
    120_000,
  );
});
