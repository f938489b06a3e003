import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PREVIEW_BYTES, previewKindOf } from '../../shared/api/attachments';
import { JobCancellation, jobIdFor, jobNumberOf } from '../../electron/core/kernel/job-cancellation';
import { isRiskyToOpen } from '../../electron/core/attachments/risky-types';
import { copyFolderOwner } from '../../electron/core/attachments/temporary-copies';
import { chosenSavePath, planFileDialog } from '../../electron/main/file-dialog-options';
import { extensionOf, typeLabel } from '../../renderer/src/screens/attachments/attachment-labels';
import { decodeBase64 } from '../../renderer/src/screens/attachments/preview-bytes';

describe('isRiskyToOpen', () => {
  it.each(['verslag.pdf', 'foto.JPG', 'lijst.xlsx', 'bericht.eml', 'notitie.txt', 'scan.tiff', 'archief.zip', 'opname.mp4'])('opens %s', (name) => {
    expect(isRiskyToOpen(name)).toBe(false);
  });

  it.each([
    'factuur.pdf.exe',
    'SETUP.EXE',
    'script.js',
    'run.sh',
    'start.bat',
    'doe.ps1',
    'link.lnk',
    'snelkoppeling.url',
    'app.desktop',
    'macro.vbs',
    'pagina.hta',
    'java.jar',
    'installer.msi',
    'schijf.iso',
    'Programma.app',
    'README',
    'geen-extensie',
    // Windows ignores trailing dots and spaces: "x.exe." is x.exe.
    'x.exe.',
    'x.exe  ',
  ])('refuses %s', (name) => {
    expect(isRiskyToOpen(name)).toBe(true);
  });
});

describe('previewKindOf', () => {
  it('previews the four image types the page decodes, and PDF, whatever the case', () => {
    for (const mediaType of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'IMAGE/PNG']) {
      expect(previewKindOf({ mediaType, byteSize: 1000 }), mediaType).toBe('image');
    }
    expect(previewKindOf({ mediaType: 'application/pdf', byteSize: 500 * 1024 * 1024 })).toBe('pdf');
  });

  it('has no preview for SVG, other images, text or unknown bytes', () => {
    for (const mediaType of ['image/svg+xml', 'image/bmp', 'image/tiff', 'image/heic', 'text/plain', 'text/html', 'application/octet-stream']) {
      expect(previewKindOf({ mediaType, byteSize: 1000 }), mediaType).toBe('none');
    }
  });

  it('calls an image over the cap too large, and one at the cap not', () => {
    expect(previewKindOf({ mediaType: 'image/jpeg', byteSize: MAX_IMAGE_PREVIEW_BYTES })).toBe('image');
    expect(previewKindOf({ mediaType: 'image/jpeg', byteSize: MAX_IMAGE_PREVIEW_BYTES + 1 })).toBe('too-large');
  });
});

describe('JobCancellation', () => {
  it('stops the running job only, and never one that starts later', () => {
    const cancellation = new JobCancellation();
    cancellation.started(3);
    expect(cancellation.request(jobIdFor('attachment-import', 3))).toBe(true);
    expect(cancellation.isRequested(3)).toBe(true);
    cancellation.finished(3);
    cancellation.started(4);
    expect(cancellation.isRequested(4)).toBe(false);
    // A request for a job that ended is answered "not running" and changes nothing.
    expect(cancellation.request('attachment-import-3')).toBe(false);
    expect(cancellation.isRequested(4)).toBe(false);
  });

  it('forgets a request for a number before its job starts', () => {
    const cancellation = new JobCancellation();
    expect(cancellation.request('attachment-export-9')).toBe(false);
    cancellation.started(9);
    expect(cancellation.isRequested(9)).toBe(false);
  });

  it('shares its state through the buffer, as the worker and its client do', () => {
    const client = new JobCancellation();
    const worker = new JobCancellation(client.buffer);
    worker.started(12);
    expect(client.request('attachment-import-12')).toBe(true);
    expect(worker.isRequested(12)).toBe(true);
  });

  it('reads job numbers from job ids', () => {
    expect(jobNumberOf('attachment-import-17')).toBe(17);
    expect(jobNumberOf('rotate-key-2')).toBe(2);
    expect(jobNumberOf('attachment-import-0')).toBeNull();
    expect(jobNumberOf('attachment-import-')).toBeNull();
    expect(jobNumberOf('attachment-import-1e3')).toBeNull();
  });
});

describe('temporary copy folders', () => {
  it('are recognised by prefix, process id and mkdtemp suffix only', () => {
    expect(copyFolderOwner('dossierkluis-geopend-4242-aB3xYz')).toBe(4242);
    for (const name of [
      'dossierkluis-geopend-4242',
      'dossierkluis-geopend-x-aB3xYz',
      'dossierkluis-geopend-0-aB3xYz',
      'andere-4242-aB3xYz',
      'dossierkluis-geopend-4242-aB3xYz/..',
    ]) {
      expect(copyFolderOwner(name), name).toBeNull();
    }
  });
});

describe('file dialogs for attachments', () => {
  it('open any file to add, without the vault filter', () => {
    expect(planFileDialog({ purpose: 'attachment-import', defaultPath: '/home/jan/verslag.pdf' })).toEqual({
      kind: 'open',
      options: { title: 'Bestand kiezen om als bijlage toe te voegen', defaultPath: '/home/jan/verslag.pdf', filters: [], properties: ['openFile'] },
    });
  });

  it('save under the name the user chose, never adding .kluis', () => {
    const plan = planFileDialog({ purpose: 'attachment-export', defaultPath: '/home/jan/foto.png' });
    expect(plan).toEqual({
      kind: 'save',
      options: { title: 'Bijlage opslaan als', defaultPath: '/home/jan/foto.png', filters: [], properties: ['createDirectory'] },
      keepName: true,
    });
    expect(chosenSavePath({ canceled: false, filePath: '/home/jan/foto' }, { keepName: true })).toBe('/home/jan/foto');
    expect(chosenSavePath({ canceled: true, filePath: '/home/jan/foto' }, { keepName: true })).toBeNull();
    // The vault dialogs keep adding their extension.
    expect(chosenSavePath({ canceled: false, filePath: '/home/jan/kopie' })).toBe('/home/jan/kopie.kluis');
  });
});

describe('attachment labels in the page', () => {
  const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key)) as unknown as TFunction;

  it('names known types, falls back to the extension, and never shows a raw media type', () => {
    expect(typeLabel(t, { mediaType: 'application/pdf', fileName: 'a.pdf' })).toBe('attachments.types.pdf');
    expect(typeLabel(t, { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: 'a.docx' })).toBe('attachments.types.wordx');
    expect(typeLabel(t, { mediaType: 'application/octet-stream', fileName: 'opname.mp4' })).toBe('attachments.types.withExtension {"extension":"MP4"}');
    expect(typeLabel(t, { mediaType: 'application/octet-stream', fileName: 'README' })).toBe('attachments.types.unknown');
    // Not fooled by names of Object.prototype.
    expect(typeLabel(t, { mediaType: 'constructor', fileName: 'x' })).toBe('attachments.types.unknown');
    expect(extensionOf('verslag.definitief.PDF')).toBe('PDF');
    expect(extensionOf('.verborgen')).toBe('VERBORGEN');
  });

  it('decodes base64 from the core byte for byte', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 128, 64]);
    expect(Buffer.from(decodeBase64(bytes.toString('base64'))).equals(bytes)).toBe(true);
    expect(decodeBase64('').length).toBe(0);
  });
});
