import { describe, expect, it } from 'vitest';
import { FAST_BUNDLES, parseServerOptions } from '../../electron/host/cli-options';
import { FAST_KDF_FOR_TESTS } from '../../electron/core/vault/kdf';

describe('parseServerOptions', () => {
  it('uses the fast test KDF and a low bundle scrypt work factor only when asked', () => {
    const fast = parseServerOptions(['--port', '0'], { DOSSIERKLUIS_KDF_FAST: '1' });
    expect(fast.vault).toEqual({ kdf: FAST_KDF_FOR_TESTS });
    expect(fast.bundles).toEqual(FAST_BUNDLES);
    expect(FAST_BUNDLES.scryptLogN).toBeLessThan(18);

    const real = parseServerOptions(['--port', '0'], {});
    expect(real.vault).toBeUndefined();
    // Real use keeps age's own work factor (2^18): no bundle options at all.
    expect(real.bundles).toBeUndefined();
  });
});
