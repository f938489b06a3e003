import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PREVIEW_BYTES, MAX_PREVIEW_RANGE, previewKindOf } from '../../shared/api/attachments';
import { VIEW_AUDIT_WINDOW_MS } from '../../electron/core/attachments/preview';
import { makeTempFolder } from '../support/temp-vault';
import { makeOnePagePdf, makePng } from '../support/sample-files';
import { openDossierCore } from './support/dossier-core';

const MiB = 1024 * 1024;

/** A clock the test moves by hand: the view audit is per five minutes. */
function manualClock(start = new Date('2026-03-02T09:00:00Z')) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function setUp() {
  const clock = manualClock();
  const dossierCore = await openDossierCore({ now: clock.now });
  const dossier = await dossierCore.call('dossier.create', { title: 'Voorbeelden' });
  const folder = makeTempFolder();
  async function importBytes(name: string, bytes: Buffer) {
    const sourcePath = path.join(folder, name);
    fs.writeFileSync(sourcePath, bytes);
    return dossierCore.call('attachment.import', { dossierId: dossier.id, sourcePath });
  }
  return { ...dossierCore, clock, dossier, importBytes };
}

describe('attachment.preview', () => {
  it('returns an image whole and a PDF by range, byte for byte, across chunk boundaries', async () => {
    const { call, importBytes } = await setUp();
    const png = makePng(64, 40);
    const image = await importBytes('foto.png', png);
    const whole = await call('attachment.preview', { attachmentId: image.id });
    expect(whole).toMatchObject({ attachmentId: image.id, mediaType: 'image/png', byteSize: png.length, offset: 0 });
    expect(Buffer.from(whole.data, 'base64').equals(png)).toBe(true);

    // A PDF of 3 MiB and a bit: ranges inside one chunk, across two, and past the end.
    const pdf = Buffer.concat([makeOnePagePdf(), crypto.randomBytes(3 * MiB + 777)]);
    const document = await importBytes('rapport.pdf', pdf);
    expect(document.mediaType).toBe('application/pdf');
    for (const [offset, length] of [
      [0, 100],
      [MiB - 10, 20],
      [MiB / 2, 2 * MiB],
      [3 * MiB, MiB],
      [pdf.length - 5, 1000],
    ] as const) {
      const piece = await call('attachment.preview', { attachmentId: document.id, offset, length });
      expect(piece.offset, `${offset}`).toBe(offset);
      expect(Buffer.from(piece.data, 'base64').equals(pdf.subarray(offset, offset + length)), `${offset}+${length}`).toBe(true);
    }
    const beyond = await call('attachment.preview', { attachmentId: document.id, offset: pdf.length + 10, length: 10 });
    expect(beyond).toMatchObject({ offset: pdf.length, data: '' });
  });

  it('refuses what has no preview, an image over the cap, ranges over the maximum, and trashed attachments', async () => {
    const { call, fail, importBytes } = await setUp();
    const text = await importBytes('verslag.txt', Buffer.from('Gespreksverslag\n'));
    expect(await fail('attachment.preview', { attachmentId: text.id })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'attachmentId', reason: 'attachment.no-preview' },
    });
    // SVG is never previewed: not sniffed as an image, and not in the preview list even when named so.
    const svg = await importBytes('logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(previewKindOf(svg)).toBe('none');
    expect(await fail('attachment.preview', { attachmentId: svg.id })).toMatchObject({ details: { reason: 'attachment.no-preview' } });

    const bigImage = Buffer.concat([makePng(2, 2), Buffer.alloc(MAX_IMAGE_PREVIEW_BYTES)]);
    const big = await importBytes('groot.png', bigImage);
    expect(previewKindOf(big)).toBe('too-large');
    expect(await fail('attachment.preview', { attachmentId: big.id })).toMatchObject({ details: { reason: 'attachment.too-large-for-preview' } });

    const image = await importBytes('foto.png', makePng(8, 8));
    expect(await fail('attachment.preview', { attachmentId: image.id, length: MAX_PREVIEW_RANGE + 1 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fail('attachment.preview', { attachmentId: image.id, offset: -1 })).toMatchObject({ code: 'INVALID_INPUT' });
    await call('trash.move', { kind: 'attachment', id: image.id });
    expect(await fail('attachment.preview', { attachmentId: image.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records one view per attachment per five minutes, without names or content', async () => {
    const { call, importBytes, clock, auditTrail, dossier } = await setUp();
    const pdf = await importBytes('Verslag Noordweg 12.pdf', makeOnePagePdf());
    const image = await importBytes('foto.png', makePng(4, 4));
    // pdf.js asks for several ranges for one page: one view.
    for (let index = 0; index < 4; index++) await call('attachment.preview', { attachmentId: pdf.id, offset: index * 100, length: 100 });
    await call('attachment.preview', { attachmentId: image.id });
    clock.advance(VIEW_AUDIT_WINDOW_MS - 1000);
    await call('attachment.preview', { attachmentId: pdf.id });
    clock.advance(2000);
    await call('attachment.preview', { attachmentId: pdf.id });

    const views = (await auditTrail()).filter((entry) => entry.action === 'attachment.viewed');
    expect(views.map((entry) => entry.details)).toEqual([
      { attachmentId: pdf.id, dossierId: dossier.id, purpose: 'preview' },
      { attachmentId: image.id, dossierId: dossier.id, purpose: 'preview' },
      { attachmentId: pdf.id, dossierId: dossier.id, purpose: 'preview' },
    ]);
    expect(JSON.stringify(views)).not.toContain('Noordweg');
  });
});
