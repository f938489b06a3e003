import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

const NOW = new Date('2026-03-01T10:00:00Z');
const PAGE_SIZE = 4096;
/** SQLCipher 4: 16 bytes IV and a 64-byte HMAC-SHA512 at the end of each page. */
const RESERVED = 80;

/**
 * Every page of the file decrypted with the raw key (SQLCipher 4 defaults, as the vault uses them),
 * free pages included: what a thief with the key would find, not only what SELECT still returns.
 */
function decryptedPages(file: string, hexKey: string): Buffer {
  const data = fs.readFileSync(file);
  const key = Buffer.from(hexKey, 'hex');
  const pages: Buffer[] = [];
  for (let offset = 0; offset + PAGE_SIZE <= data.length; offset += PAGE_SIZE) {
    const page = data.subarray(offset, offset + PAGE_SIZE);
    const start = offset === 0 ? 16 : 0; // page 1 begins with the salt
    const iv = page.subarray(PAGE_SIZE - RESERVED, PAGE_SIZE - RESERVED + 16);
    const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    pages.push(Buffer.concat([decipher.update(page.subarray(start, PAGE_SIZE - RESERVED)), decipher.final()]));
  }
  return Buffer.concat(pages);
}

describe('retention', () => {
  it('lists what is due, extends with a reason, and destroys an item everywhere, leaving an audit entry only', async () => {
    const { call, fail, core, vaultPath, auditTrail } = await openDossierCore({ now: () => NOW });
    expect(await call('retention.defaults', {})).toEqual({ looseSignalYears: 1, regulierAfgehandeldYears: 2, closedDossierYears: 5, openDossierYears: 5 });

    // The dossier to destroy: canary words in every place its content can be.
    const doomed = await call('dossier.create', { title: 'KANARIEDOSSIER titel', summary: 'Samenvatting KANARIESAMENVATTING', openedOn: '2019-01-10' });
    const signal = await call('signal.create', {
      receivedOn: '2019-01-05',
      howReceived: 'burger',
      summary: 'KANARIESIGNAAL',
      description: 'Omschrijving KANARIEOMSCHRIJVING',
      reporterName: 'KANARIEMELDER',
    });
    await call('signal.attachToDossier', { signalId: signal.id, dossierId: doomed.id });
    await call('note.add', { dossierId: doomed.id, body: 'Gesprek met KANARIENOTITIE gevoerd', notedOn: '2019-02-01' });
    await call('measure.add', { dossierId: doomed.id, kind: 'huisbezoek', description: 'KANARIEMAATREGEL' });
    const person = await call('subject.create', { details: { type: 'person', name: 'Kanariepersoon Vogelzang', birthDate: '1980-01-01' } });
    await call('subject.linkToDossier', { subjectId: person.id, dossierId: doomed.id, role: 'kopstuk' });
    const shared = await call('subject.create', { details: { type: 'email', address: 'gedeeld@voorbeeld.nl' } });
    await call('subject.linkToDossier', { subjectId: shared.id, dossierId: doomed.id, role: 'betrokkene' });
    const source = path.join(makeTempFolder(), 'kanariebijlage.txt');
    fs.writeFileSync(source, 'Inhoud KANARIEBIJLAGE '.repeat(400));
    const attachment = await call('attachment.import', { dossierId: doomed.id, sourcePath: source });
    await call('dossier.changeStatus', { dossierId: doomed.id, to: 'afgesloten', changedOn: '2019-06-01', closingReason: 'geen_grond', reason: 'Geen grond' });

    const loose = await call('signal.create', { receivedOn: '2024-01-01', howReceived: 'anoniem', summary: 'KANARIELOS zonder vervolg' });
    const kept = await call('dossier.create', { title: 'BEWAARDCONTROLE dossier', openedOn: '2026-01-05' });
    await call('subject.linkToDossier', { subjectId: shared.id, dossierId: kept.id, role: 'betrokkene' });
    await call('note.add', { dossierId: kept.id, body: 'BEWAARDNOTITIE blijft', notedOn: '2026-01-06' });

    const due = await call('retention.list', { dueOnly: true });
    expect(due.map((item) => [item.kind, item.id, item.basis, item.retentionUntil, item.explicit])).toEqual([
      ['dossier', doomed.id, 'afgesloten', '2024-06-01', false],
      ['signal', loose.id, 'loose_signal', '2025-01-01', false],
    ]);
    expect(await call('retention.overview', {})).toEqual({ overdue: 2, dueWithin30Days: 0 });
    const all = await call('retention.list', {});
    expect(all.find((item) => item.id === kept.id && item.kind === 'dossier')).toMatchObject({ basis: 'open', retentionUntil: '2031-01-05', overdue: false });

    // Extending needs a reason, and is recorded with it.
    expect(await fail('retention.setUntil', { kind: 'signal', id: loose.id, until: '2027-01-01', reason: '  ' })).toMatchObject({ code: 'INVALID_INPUT' });
    const extended = await call('retention.setUntil', { kind: 'signal', id: loose.id, until: '2027-01-01', reason: 'Lopend onderzoek politie' });
    expect(extended).toMatchObject({ retentionUntil: '2027-01-01', explicit: true, overdue: false });
    expect(await call('retention.overview', {})).toEqual({ overdue: 1, dueWithin30Days: 0 });
    // A shorter defaults setting makes more due.
    await call('retention.updateDefaults', { openDossierYears: 0 });
    expect((await call('retention.list', { dueOnly: true })).map((item) => item.id)).toContain(kept.id);
    await call('retention.updateDefaults', { openDossierYears: 5 });

    const destroyed = await call('retention.destroy', { kind: 'dossier', id: doomed.id, reason: 'Bewaartermijn verstreken' });
    expect(destroyed).toMatchObject({
      number: doomed.number,
      destroyedOn: '2026-03-01',
      removed: { signals: 1, notes: 1, attachments: 1, subjects: 1, links: 2, measures: 1 },
    });
    await call('retention.destroy', { kind: 'signal', id: loose.id, reason: 'Op verzoek van de FG' });
    expect(await fail('retention.destroy', { kind: 'dossier', id: doomed.id, reason: 'nogmaals' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fail('dossier.get', { dossierId: doomed.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fail('attachment.preview', { attachmentId: attachment.id })).toMatchObject({ code: 'NOT_FOUND' });
    // The subject of this dossier only went with it; the shared one stayed.
    expect(await fail('subject.get', { subjectId: person.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('subject.get', { subjectId: shared.id })).dossiers.map((link) => link.dossierId)).toEqual([kept.id]);
    expect((await call('search.query', { query: 'kanariepersoon' })).total).toBe(0);
    expect((await call('search.query', { query: 'KANARIENOTITIE' })).total).toBe(0);
    expect((await call('search.query', { query: 'BEWAARDNOTITIE' })).total).toBe(1);

    const trail = await auditTrail();
    const entries = trail.filter((entry) => entry.action === 'retention.destroyed');
    expect(entries.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ kind: 'dossier', id: doomed.id, number: doomed.number, reason: 'Bewaartermijn verstreken', retentionUntil: '2024-06-01', overdue: true }),
      expect.objectContaining({ kind: 'signal', id: loose.id, number: null, reason: 'Op verzoek van de FG', overdue: false }),
    ]);
    expect(trail.find((entry) => entry.action === 'retention.extended')?.details).toEqual({
      kind: 'signal',
      id: loose.id,
      number: null,
      from: '2025-01-01',
      to: '2027-01-01',
      reason: 'Lopend onderzoek politie',
    });
    expect(JSON.stringify(trail)).not.toMatch(/kanarie/i);

    // In the file: no table, no search index, no free page holds a canary.
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      const db = vault.database;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
      expect(tables).toEqual(expect.arrayContaining(['search_index_data', 'search_index_content', 'attachment_chunks']));
      for (const table of tables) {
        const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][];
        const text = rows.map((row) => row.map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value))).join('|')).join('\n');
        expect(text, table).not.toMatch(/kanarie/i);
      }
      expect(db.prepare('SELECT count(*) FROM attachment_chunks').pluck().get()).toBe(0);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      vault.lock();
    }
    const hexKey = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(fs.existsSync(`${vaultPath}-wal`) ? fs.statSync(`${vaultPath}-wal`).size : 0).toBe(0);
    const plain = decryptedPages(vaultPath, hexKey).toString('latin1');
    // The decryption is right: what was kept is there in plain text...
    expect(plain).toContain('BEWAARDNOTITIE');
    // ...and nothing of what was destroyed, not even on free pages.
    expect(plain).not.toMatch(/KANARIE|Kanariepersoon|kanariebijlage/);
    await core.dispose();
  });
});
