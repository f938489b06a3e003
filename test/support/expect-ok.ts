import { expect } from 'vitest';
import type { Result } from '../../shared/api';

/** The value of a successful Result; otherwise the test fails naming the error's code and message. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
