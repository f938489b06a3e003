import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real encrypted vaults, Argon2 and Chromium: generous, and in separate processes because the
    // native module and the per-vault process lock are per process.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a screen to settle; Vitest's default second is too short for a
    // first page load in Chromium on a busy two-core machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
