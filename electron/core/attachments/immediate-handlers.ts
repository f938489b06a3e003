import type { HandlerImplementations } from '../kernel/handler-types';
import type { JobCancellation } from '../kernel/job-cancellation';

/**
 * The calls declared `lane: 'immediate'` (shared/api): the job they are about holds the core's
 * queue, and in the worker its thread, until it ends. So they are answered from state the threads
 * share, by whichever thread receives them (Core.callUntrusted, CoreWorkerClient.callUntrusted).
 * test/unit/handler-policy.test.ts checks that this list and the declarations agree.
 */
export type ImmediateHandlerName = 'attachment.cancel';

export function createImmediateHandlers(cancellation: JobCancellation): HandlerImplementations<ImmediateHandlerName> {
  return {
    // Only flips the number the running job reads between its chunks.
    'attachment.cancel': ({ jobId }) => ({ running: cancellation.request(jobId) }),
  };
}
