import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_MATCH_END, SEARCH_MATCH_START, type SearchResult } from '../../shared/api/search';
import { ftsQuery } from '../../electron/core/dossiers/search';
import { configureConnection, openEncryptedDatabase } from '../../electron/core/vault/connection';
import { MIGRATIONS, applyMigrations, schemaVersionOf } from '../../electron/core/vault/migrations';
import { makeTempFolder } from '../support/temp-vault';
import { openDossierCore } from './support/dossier-core';

const NOW = '2026-11-28T10:00:00.000Z';

/** [kind, id] of every hit, in group order. */
function found(result: SearchResult): Array<[string, number]> {
  return result.groups.flatMap((group) => group.hits.map((hit): [string, number] => [hit.kind, hit.id]));
}

describe('search', () => {
  it('finds by prefix and without diacritics, grouped by kind, with marked snippets', async () => {
    const { call, auditTrail } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Hennepkwekerij Dorpsstraat', summary: 'Stroomdiefstal vermoed' });
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Geur van hennep bij de loods', description: 'Ramen afgeplakt bij café De Hoek' });
    const note = await call('note.add', { dossierId: dossier.id, body: 'Overleg met de politie over de hennepkwekerij', internal: true });
    const subject = await call('subject.create', { details: { type: 'organisation', name: 'Café Zonneschijn' } });
    const sourcePath = path.join(makeTempFolder(), 'foto-hennepzolder.jpg');
    fs.writeFileSync(sourcePath, 'geen echte foto');
    const attachment = await call('attachment.import', { dossierId: dossier.id, sourcePath });

    const hennep = await call('search.query', { query: 'hennep' });
    expect(hennep.groups.map((group) => group.kind)).toEqual(['dossier', 'signal', 'note', 'attachment']);
    expect(found(hennep)).toEqual([
      ['dossier', dossier.id],
      ['signal', signal.id],
      ['note', note.id],
      ['attachment', attachment.id],
    ]);
    expect(hennep.total).toBe(4);
    const dossierHit = hennep.groups[0]!.hits[0]!;
    expect(dossierHit).toMatchObject({ dossierId: dossier.id, title: `${dossier.number} Hennepkwekerij Dorpsstraat`, internal: false });
    expect(dossierHit.snippet).toContain(`${SEARCH_MATCH_START}Hennepkwekerij${SEARCH_MATCH_END}`);
    expect(hennep.groups[2]!.hits[0]).toMatchObject({ kind: 'note', internal: true, dossierId: dossier.id, dossierNumber: dossier.number });
    // Every hit under a dossier says which one, by number; a loose signal and a subject belong to none.
    expect(hennep.groups.map((group) => group.hits[0]!.dossierNumber)).toEqual([dossier.number, null, dossier.number, dossier.number]);
    expect(hennep.groups[2]!.hits[0]!.snippet).toContain(`${SEARCH_MATCH_START}hennepkwekerij${SEARCH_MATCH_END}`);
    for (const hit of hennep.groups.flatMap((group) => group.hits)) expect(hit.snippet).not.toMatch(/[<>]/);

    // Diacritics folded both ways; the prefix of the second word narrows.
    expect(found(await call('search.query', { query: 'cafe' }))).toEqual([
      ['signal', signal.id],
      ['subject', subject.id],
    ]);
    expect(found(await call('search.query', { query: 'CAFÉ zon' }))).toEqual([['subject', subject.id]]);
    expect(found(await call('search.query', { query: 'hennepkwekerij politie' }))).toEqual([['note', note.id]]);
    // The dossier number is found too.
    expect(found(await call('search.query', { query: dossier.number }))).toEqual([['dossier', dossier.id]]);
    // The limit is per kind.
    await call('signal.create', { howReceived: 'burger', summary: 'Nog meer hennep' });
    const limited = await call('search.query', { query: 'hennep', limit: 1 });
    expect(limited.groups.map((group) => group.hits.length)).toEqual([1, 1, 1, 1]);

    // The audit entry holds the number of hits, never the words.
    const entries = (await auditTrail()).filter((entry) => entry.action === 'search.performed');
    expect(entries[0]!.details).toEqual({ hits: 4 });
    expect(JSON.stringify(entries)).not.toMatch(/hennep|cafe|zon/i);
  });

  it('keeps trashed items out and finds them again after a restore', async () => {
    const { call } = await openDossierCore();
    const dossier = await call('dossier.create', { title: 'Zorgbureau Zeldzaamheid' });
    const note = await call('note.add', { dossierId: dossier.id, body: 'Zeldzaamheid nader bekeken' });
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Zeldzaamheid in de wijk' });
    const subject = await call('subject.create', { details: { type: 'person', name: 'Zeldzaamheid Fictief' } });
    const query = { query: 'zeldzaam' };
    expect((await call('search.query', query)).total).toBe(4);

    await call('trash.move', { kind: 'signal', id: signal.id });
    await call('trash.move', { kind: 'subject', id: subject.id });
    await call('trash.move', { kind: 'note', id: note.id });
    expect(found(await call('search.query', query))).toEqual([['dossier', dossier.id]]);
    await call('trash.restore', { kind: 'note', id: note.id });
    // A trashed dossier hides what is in it.
    await call('trash.move', { kind: 'dossier', id: dossier.id });
    expect((await call('search.query', query)).total).toBe(0);

    await call('trash.restore', { kind: 'dossier', id: dossier.id });
    await call('trash.restore', { kind: 'signal', id: signal.id });
    await call('trash.restore', { kind: 'subject', id: subject.id });
    expect(found(await call('search.query', query))).toEqual([
      ['dossier', dossier.id],
      ['signal', signal.id],
      ['subject', subject.id],
      ['note', note.id],
    ]);

    // Changes follow: a new summary replaces the old words.
    await call('signal.update', { signalId: signal.id, summary: 'Iets anders' });
    expect(found(await call('search.query', { query: 'zeldzaamheid in de wijk' }))).toEqual([]);
    expect(found(await call('search.query', { query: 'iets anders' }))).toEqual([['signal', signal.id]]);

    // Emptying the trash removes the entries for good.
    await call('trash.move', { kind: 'dossier', id: dossier.id });
    await call('trash.empty', {});
    expect(found(await call('search.query', query))).toEqual([['subject', subject.id]]);
  });

  it('never finds a reporter, a BSN or a subject linked only as melder', async () => {
    const { call } = await openDossierCore();
    const signal = await call('signal.create', {
      howReceived: 'burger',
      summary: 'Overlast in het trappenhuis',
      reporterName: 'Wilhelmina Verklikker',
      reporterContact: 'verklikker@voorbeeld.nl',
    });
    expect((await call('search.query', { query: 'Verklikker' })).total).toBe(0);
    expect((await call('search.query', { query: 'Wilhelmina' })).total).toBe(0);
    expect(found(await call('search.query', { query: 'trappenhuis' }))).toEqual([['signal', signal.id]]);

    const person = await call('subject.create', { details: { type: 'person', name: 'Bartholomeus Melder', bsn: '111222333', birthDate: '1970-01-01' } });
    expect(found(await call('search.query', { query: 'bartholomeus' }))).toEqual([['subject', person.id]]);
    expect((await call('search.query', { query: '111222333' })).total).toBe(0);
    expect((await call('search.query', { query: '1970' })).total).toBe(0);

    const dossier = await call('dossier.create', { title: 'Trappenhuis' });
    const melderLink = await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'melder' });
    expect((await call('search.query', { query: 'bartholomeus' })).total).toBe(0);
    // Also in another role: the subject is known apart from the report, and found.
    const other = await call('dossier.create', { title: 'Ander dossier' });
    const otherLink = await call('subject.linkToDossier', { subjectId: person.id, dossierId: other.id, role: 'betrokkene' });
    expect(found(await call('search.query', { query: 'bartholomeus' }))).toEqual([['subject', person.id]]);
    await call('subject.unlinkFromDossier', { linkId: otherLink.id });
    expect((await call('search.query', { query: 'bartholomeus' })).total).toBe(0);
    await call('subject.unlinkFromDossier', { linkId: melderLink.id });
    expect(found(await call('search.query', { query: 'bartholomeus' }))).toEqual([['subject', person.id]]);
  });

  it('treats every input as plain words: no FTS5 syntax passes through', async () => {
    const { call, fail } = await openDossierCore();
    const signal = await call('signal.create', { howReceived: 'meldpunt', summary: 'Near the AND gate or not' });
    const hostile = [
      '"',
      '""',
      '" OR 1',
      'AND',
      'OR',
      'NOT',
      'NEAR(',
      'NEAR(a b, 1)',
      '*',
      '-',
      '-x',
      '^',
      'a:b',
      'title:x',
      '(',
      ')',
      "'",
      '\\',
      '{title}: x',
      '+',
      '"near"*',
      '* AND *',
      '\u0000',
      '🙂',
    ];
    for (const query of hostile) {
      const result = await call('search.query', { query });
      expect(result.groups, query).toBeInstanceOf(Array);
    }
    // Operator words are searched as words.
    expect(found(await call('search.query', { query: 'AND' }))).toEqual([['signal', signal.id]]);
    expect(found(await call('search.query', { query: 'NEAR(' }))).toEqual([['signal', signal.id]]);
    expect(found(await call('search.query', { query: 'gate NOT' }))).toEqual([['signal', signal.id]]);
    expect(found(await call('search.query', { query: '-near' }))).toEqual([['signal', signal.id]]);
    expect(found(await call('search.query', { query: 'title:near' }))).toEqual([]);
    // Nothing to look for: no hits, and no error.
    expect(await call('search.query', { query: '"*-()' })).toEqual({ groups: [], shown: 0, total: 0, totalIsMinimum: false });
    expect(ftsQuery('NEAR( "a" b*')).toBe('"NEAR"* "a"* "b"*');
    expect(ftsQuery('- * "')).toBeNull();

    expect(await fail('search.query', { query: '' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('search.query', { query: 'x'.repeat(201) })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('search.query', { query: 'x', limit: 0 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('search.query', { query: 'x', limit: 101 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('search.query', { query: 'x', extra: 1 })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('migration 0006: search', () => {
  it('is version 6 and indexes the rows that existed before it, without the protected ones', () => {
    expect(MIGRATIONS[5]).toMatchObject({ version: 6, name: 'search' });
    const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm6.kluis'), crypto.randomBytes(32), { create: true });
    configureConnection(db);
    applyMigrations(db, MIGRATIONS.slice(0, 5));
    const weighed = `'X', 4, 'AMBER'`;
    db.prepare(
      `INSERT INTO dossiers (id, year, sequence, title, summary, priority, status, tlp, opened_on, created_at, updated_at)
       VALUES (1, 2026, 1, 'Hennepkwekerij', 'Bestaand', 'normaal', 'open', 'AMBER', '2026-01-02', ?, ?)`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO signals (id, received_on, how_received, reporter_name, summary, source_grade, information_grade, tlp, created_at, updated_at)
       VALUES (1, '2026-01-02', 'meldpunt', 'Geheime Melder', 'Hennepgeur', ${weighed}, ?, ?)`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO signals (id, received_on, how_received, summary, source_grade, information_grade, tlp, created_at, updated_at, deleted_at)
       VALUES (2, '2026-01-02', 'meldpunt', 'Hennep in prullenbak', ${weighed}, ?, ?, ?)`,
    ).run(NOW, NOW, NOW);
    db.prepare(
      `INSERT INTO dossier_notes (id, dossier_id, noted_on, author, body, source_grade, information_grade, tlp, internal, created_at) VALUES (1, 1, '2026-01-02', 'a', 'Hennep genoteerd', ${weighed}, 1, ?)`,
    ).run(NOW);
    const subject = (id: number, name: string) =>
      db
        .prepare(`INSERT INTO subjects (id, type, label, details, source_grade, information_grade, tlp, created_at, updated_at) VALUES (?, 'person', ?, ?, ${weighed}, ?, ?)`)
        .run(id, name, JSON.stringify({ type: 'person', name, bsn: '111222333' }), NOW, NOW);
    subject(1, 'Hennie Betrokken');
    subject(2, 'Hennie Melder');
    const link = (subjectId: number, role: string) =>
      db
        .prepare(`INSERT INTO subject_dossier_links (subject_id, dossier_id, role, source_grade, information_grade, tlp, created_at) VALUES (?, 1, ?, ${weighed}, ?)`)
        .run(subjectId, role, NOW);
    link(1, 'betrokkene');
    link(2, 'melder');
    db.prepare(
      `INSERT INTO attachments (id, dossier_id, file_name, media_type, byte_size, sha256, chunk_size, added_at, added_by, source_grade, information_grade, tlp)
       VALUES (1, 1, 'hennep.jpg', 'image/jpeg', 0, ?, 1024, ?, 'a', ${weighed})`,
    ).run('0'.repeat(64), NOW);

    applyMigrations(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersionOf(db)).toBe(6);
    const entries = db.prepare('SELECT kind, item_id, internal FROM search_index WHERE search_index MATCH \'"henn"*\' ORDER BY rowid').all();
    expect(entries).toEqual([
      { kind: 'signal', item_id: 1, internal: 0 },
      { kind: 'dossier', item_id: 1, internal: 0 },
      { kind: 'subject', item_id: 1, internal: 0 },
      { kind: 'note', item_id: 1, internal: 1 },
      { kind: 'attachment', item_id: 1, internal: 0 },
    ]);
    for (const hidden of ['"geheime"', '"melder"', '"111222333"', '"prullenbak"']) {
      expect(db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(hidden), hidden).toBe(0);
    }
    db.close();
  });
});
