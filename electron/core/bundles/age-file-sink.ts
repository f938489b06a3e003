import crypto from 'node:crypto';
import { AgeEncryptor } from './age-stream';
import { QueuedFileWriter } from './streams';

/**
 * The end of the bundle pipeline: the tar bytes, sealed into age's STREAM, written to the file,
 * with the SHA-256 of everything written (for the audit trail).
 *
 * Two transports share this one implementation: in the thread that reads the vault
 * (AgeFileSink itself), or in a worker thread of its own (writer-thread.ts), so that sealing,
 * hashing and writing overlap with the SQLCipher reads.
 */
export interface TarByteSink {
  /**
   * Take these bytes (the next ones of the tar archive). The sink may keep the buffers or move
   * them to another thread: the caller must not use them afterwards. The first failure is thrown
   * by this call or a later one.
   */
  write(pieces: readonly Uint8Array[]): Promise<void>;
  /** Seal the last chunk and wait until every byte is written: the file's size and SHA-256. */
  finish(): Promise<{ bytes: number; sha256: string }>;
  /** Give up: the key is wiped, and no write lands after this resolves (the file may be closed). */
  abort(): Promise<void>;
}

/**
 * Writes `prefix` (age's header and payload nonce, from startAgePayload) at the start of the file
 * `fd`, then the payload sealed with `key`. The sink owns the key from here and wipes it.
 */
export class AgeFileSink implements TarByteSink {
  private readonly encryptor: AgeEncryptor;
  private readonly file: QueuedFileWriter;
  private readonly hash = crypto.createHash('sha256');
  private prefix: Buffer | null;
  private bytes = 0;

  constructor(fd: number, prefix: Buffer, key: Buffer) {
    this.encryptor = new AgeEncryptor(key);
    this.file = new QueuedFileWriter(fd);
    this.prefix = prefix;
  }

  async write(pieces: readonly Uint8Array[]): Promise<void> {
    const sealed: Buffer[] = this.takePrefix();
    for (const piece of pieces) sealed.push(...this.encryptor.push(piece));
    await this.out(sealed);
  }

  async finish(): Promise<{ bytes: number; sha256: string }> {
    await this.out([...this.takePrefix(), this.encryptor.finish()]);
    await this.file.flush();
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  async abort(): Promise<void> {
    this.encryptor.wipe();
    await this.file.flush().catch(() => undefined);
  }

  private takePrefix(): Buffer[] {
    const prefix = this.prefix;
    this.prefix = null;
    return prefix ? [prefix] : [];
  }

  private async out(buffers: Buffer[]): Promise<void> {
    if (buffers.length === 0) return;
    for (const buffer of buffers) {
      this.hash.update(buffer);
      this.bytes += buffer.length;
    }
    await this.file.write(buffers);
  }
}
