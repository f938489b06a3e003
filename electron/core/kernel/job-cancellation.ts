import type { JobKind } from '../../../shared/api/events';

/**
 * Stopping a running job from outside the thread that runs it. An import or export of an
 * attachment is one synchronous loop in the core's worker thread (see attachments/import.ts): the
 * worker cannot read a message until the loop ends, so a "cancel" message would arrive too late.
 * The two threads therefore share two integers: the number of the job that runs now, and the
 * number of the job someone asked to stop. The job reads the second between chunks. Numbers, not
 * a flag: a request for a job that has just finished can never stop the next one.
 */
export class JobCancellation {
  private readonly slots: Int32Array;

  /** `buffer`: shared with the other thread (a SharedArrayBuffer of 8 bytes); a private one otherwise. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.slots = new Int32Array(buffer, 0, 2);
  }

  /** The job with this number starts (the core runs one job at a time). */
  started(jobNumber: number): void {
    // A request for a number before its job ran was a guess, not a user's wish: forget it.
    Atomics.compareExchange(this.slots, 1, jobNumber, 0);
    Atomics.store(this.slots, 0, jobNumber);
  }

  finished(jobNumber: number): void {
    Atomics.compareExchange(this.slots, 0, jobNumber, 0);
  }

  /** Ask job `jobId` to stop; true when it is the job running now. */
  request(jobId: string): boolean {
    const jobNumber = jobNumberOf(jobId);
    if (jobNumber === null) return false;
    Atomics.store(this.slots, 1, jobNumber);
    return Atomics.load(this.slots, 0) === jobNumber;
  }

  isRequested(jobNumber: number): boolean {
    return Atomics.load(this.slots, 1) === jobNumber;
  }
}

/** Job ids name their kind and a number that counts up per core: `attachment-import-7`. */
export function jobIdFor(kind: JobKind, jobNumber: number): string {
  return `${kind}-${jobNumber}`;
}

export function jobNumberOf(jobId: string): number | null {
  const match = /-([1-9][0-9]{0,8})$/.exec(jobId);
  return match?.[1] ? Number(match[1]) : null;
}
