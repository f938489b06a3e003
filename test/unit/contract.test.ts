import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Core } from '../../electron/core/api/core';
import { api, HANDLER_NAMES, type HandlerName } from '../../shared/api';
import { FAST_VAULT_OPTIONS, makeTempFolder } from '../support/temp-vault';

function newCore(): Core {
  return new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS });
}

/** The same input with every declared field replaced by a value no field accepts. */
function wrongTypesFor(name: HandlerName): Record<string, unknown> | null {
  const schema = api[name].input;
  if (!(schema instanceof z.ZodObject)) return null;
  const keys = Object.keys(schema.shape);
  if (keys.length === 0) return null;
  return Object.fromEntries(keys.map((key) => [key, { not: 'a valid value' }]));
}

describe('the contract at the core boundary', () => {
  it('declares handlers', () => {
    expect(HANDLER_NAMES.length).toBeGreaterThan(10);
  });

  describe.each(HANDLER_NAMES)('%s', (name) => {
    it('rejects an extra key as INVALID_INPUT', async () => {
      const result = await newCore().callUntrusted(name, { bogus: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });

    it('rejects input that is not an object as INVALID_INPUT', async () => {
      for (const input of ['text', 42, true, [1, 2]]) {
        const result = await newCore().callUntrusted(name, input);
        expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    });

    it('rejects fields of the wrong type as INVALID_INPUT', async () => {
      const input = wrongTypesFor(name);
      if (!input) return;
      const result = await newCore().callUntrusted(name, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });
  });

  it('answers UNKNOWN_HANDLER for a name outside the contract', async () => {
    const core = newCore();
    for (const name of ['vault.explode', '', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await core.callUntrusted(name, {});
      expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    }
  });

  it('refuses a new passphrase shorter than the minimum before any work', async () => {
    const result = await newCore().callUntrusted('vault.create', { path: `${makeTempFolder()}/x.kluis`, passphrase: 'short', displayName: 'Test' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
