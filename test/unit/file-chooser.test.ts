import { describe, expect, it } from 'vitest';
import type { DossierkluisBridge, FileChoiceRequest } from '../../shared/api';
import { fileChooserFor } from '../../renderer/src/bridge/file-chooser';
import { HttpBridge } from '../../renderer/src/bridge/http-bridge';

/** A bridge with the native dialog, as the Electron preload offers it, answering `answer`. */
function dialogBridge(answer: string | null | Error): DossierkluisBridge & { requests: FileChoiceRequest[] } {
  const requests: FileChoiceRequest[] = [];
  return {
    requests,
    call: () => Promise.reject(new Error('not used here')),
    onEvent: () => () => {},
    chooseFile(request: FileChoiceRequest): Promise<string | null> {
      requests.push(request);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
}

describe('fileChooserFor: where a path field offers "Bladeren…"', () => {
  it('offers nothing in the browser host, whose bridge has no native dialog', () => {
    const browserBridge = new HttpBridge('token');
    for (const purpose of ['create-vault', 'open-vault', 'backup'] as const) {
      expect(fileChooserFor(browserBridge, purpose), purpose).toBeNull();
    }
  });

  it('offers nothing without a bridge', () => {
    expect(fileChooserFor(null, 'open-vault')).toBeNull();
  });

  it('asks the bridge for the purpose, starting from the field, and returns the chosen path', async () => {
    const bridge = dialogBridge('/home/jan/Kopie.kluis');
    const choose = fileChooserFor(bridge, 'backup');
    expect(choose).not.toBeNull();
    expect(await choose!('  /home/jan/Werkbestand-reservekopie.kluis ')).toBe('/home/jan/Kopie.kluis');
    expect(bridge.requests).toEqual([{ purpose: 'backup', defaultPath: '/home/jan/Werkbestand-reservekopie.kluis' }]);
  });

  it('returns null when the user cancels or the dialog fails, so the field keeps its value', async () => {
    expect(await fileChooserFor(dialogBridge(null), 'open-vault')!('')).toBeNull();
    expect(await fileChooserFor(dialogBridge(''), 'open-vault')!('')).toBeNull();
    expect(await fileChooserFor(dialogBridge(new Error('IPC gone')), 'open-vault')!('')).toBeNull();
  });

  it('still opens the dialog when the field holds a path the request schema refuses', async () => {
    const bridge = dialogBridge('/home/jan/Werkbestand.kluis');
    await fileChooserFor(bridge, 'create-vault')!(`/${'a'.repeat(5000)}`);
    await fileChooserFor(bridge, 'create-vault')!('/tmp/a\0b');
    expect(bridge.requests).toEqual([{ purpose: 'create-vault' }, { purpose: 'create-vault' }]);
  });
});
