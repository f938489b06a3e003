import { describe, expect, it } from 'vitest';
import { createImmediateHandlers } from '../../electron/core/attachments/immediate-handlers';
import { JobCancellation } from '../../electron/core/kernel/job-cancellation';
import { CoreError } from '../../electron/core/kernel/errors';
import { checkAuditAction, outsideAuditScope, withAuditScope } from '../../electron/core/kernel/audit-scope';
import { api, HANDLER_NAMES, type HandlerName } from '../../shared/api';
import { HANDLER_LANES } from '../../shared/api/define';
import { AUDIT_ACTION_GROUPS, isAuditAction } from '../../shared/domain/audit-actions';

const inLane = (lane: string) => HANDLER_NAMES.filter((name) => api[name].lane === lane);

/**
 * The declarations of shared/api (access, passive, lane, audits) agree with each other and with
 * what the core does with them. Decisions written down here:
 * - `immediate` calls are reads that do not count as activity: they only flip a flag the running
 *   job reads, and they are answered outside the queue, where the idle timer is not restarted.
 * - `rendering` calls read vault data (with no transaction open while Chromium renders) but write
 *   a file and an export entry in the trail: they are writes, so they wait for each other and for
 *   a streaming job, while reads are answered beside them.
 * - a read writes at most its own "viewed" entry: only actions of the audit group 'access'.
 * - a passive call only looks, so it is a read.
 */
describe('handler declarations', () => {
  it.each(HANDLER_NAMES)('%s declares every field with a known value', (name) => {
    const { access, passive, lane, audits } = api[name];
    expect(['read', 'write']).toContain(access);
    expect(typeof passive).toBe('boolean');
    expect(HANDLER_LANES).toContain(lane);
    expect(audits.filter((action) => !isAuditAction(action))).toEqual([]);
    expect(new Set(audits).size).toBe(audits.length);
  });

  it('immediate calls are passive reads, and each has its answer in both threads', () => {
    for (const name of inLane('immediate')) expect({ name, access: api[name].access, passive: api[name].passive }).toEqual({ name, access: 'read', passive: true });
    const answered = Object.keys(createImmediateHandlers(new JobCancellation())).sort();
    expect(answered).toEqual(inLane('immediate').sort());
    expect(answered).toEqual(['attachment.cancel']);
  });

  it('rendering calls are writes that record an export', () => {
    expect(inLane('rendering').length).toBeGreaterThan(0);
    for (const name of inLane('rendering')) {
      expect(api[name].access, name).toBe('write');
      expect(
        api[name].audits.some((action) => AUDIT_ACTION_GROUPS[action] === 'exports'),
        name,
      ).toBe(true);
    }
  });

  it('streams the bundle export and inspection; the import holds one transaction', () => {
    expect(inLane('streaming').sort()).toEqual(['bundle.export', 'bundle.inspect']);
    expect(inLane('transaction')).toEqual(['bundle.import']);
    // Reads beside it run inside its open transaction, which only a write may hold.
    expect(api['bundle.import'].access).toBe('write');
  });

  it('reads write at most entries of the access group', () => {
    const reads = HANDLER_NAMES.filter((name) => api[name].access === 'read');
    const writing = reads.flatMap((name) => api[name].audits.filter((action) => AUDIT_ACTION_GROUPS[action] !== 'access').map((action) => `${name}: ${action}`));
    expect(writing).toEqual([]);
  });

  it('passive calls are reads', () => {
    const passive: HandlerName[] = HANDLER_NAMES.filter((name) => api[name].passive);
    expect(passive.filter((name) => api[name].access !== 'read')).toEqual([]);
    expect(passive).toContain('vault.status');
  });

  it('changes to vault data are writes', () => {
    for (const name of ['dossier.create', 'attachment.import', 'bundle.import', 'bundle.export', 'trash.empty', 'retention.destroy'] as const) {
      expect(api[name].access, name).toBe('write');
    }
  });
});

describe('audit scope', () => {
  it('lets a handler write what it declared and refuses the rest under the tests', () => {
    withAuditScope('meeting.get', ['meeting.viewed'], () => {
      expect(() => checkAuditAction('meeting.viewed')).not.toThrow();
      expect(() => checkAuditAction('meeting.exported')).toThrow(CoreError);
      expect(() => checkAuditAction('meeting.exported')).toThrow(/meeting\.get.*meeting\.exported/);
    });
  });

  it('keeps the scope across awaits and allows entries outside any handler', async () => {
    await withAuditScope('dossier.get', ['dossier.viewed'], async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(() => checkAuditAction('vault.locked')).toThrow(CoreError);
      expect(() => outsideAuditScope(() => checkAuditAction('vault.locked'))).not.toThrow();
    });
    expect(() => checkAuditAction('vault.locked')).not.toThrow();
  });
});
