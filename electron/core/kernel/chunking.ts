/**
 * Attachments are stored in chunks of 1 MiB, one row each. Why 1 MiB:
 * - memory: an import or export holds one chunk (one reused buffer on the way in, one row on the
 *   way out), so a 500 MB file costs about a megabyte of JavaScript memory, not 500;
 * - SQLite: a 1 MiB BLOB is 256 overflow pages of 4 KiB, far below SQLite's 1 GB value limit and
 *   small enough to bind and read in one go; much smaller chunks (64 KiB) would mean eight thousand
 *   rows and index entries for a 500 MB file, for no gain;
 * - previews: reading a range touches only the chunks it overlaps, one megabyte of granularity;
 * - progress: a chunk is the natural step, and 1 MiB keeps a progress report under ~1% for
 *   anything over 100 MB.
 * The size each attachment was written with is stored with it (`attachments.chunk_size`), so this
 * constant can change without rewriting old attachments.
 */
export const ATTACHMENT_CHUNK_SIZE = 1024 * 1024;

/** Bytes done out of total: called after every chunk (and once with 0 before the first). */
export type ByteProgress = (done: number, total: number) => void;
