import { api, type CoreEvent, type DossierkluisBridge, type HandlerName, type Input, type Output, type Result } from '../../../shared/api';
import { EventStreamParser } from './event-stream';

const RECONNECT_DELAY_MS = 2_000;

/**
 * Chromium opens at most six HTTP/1.1 connections to one origin. The event stream holds one, and
 * while the core works on a long job every call waits for it, each holding another; with six in
 * flight even a request to stop that job would wait behind them. So ordinary calls take at most
 * four connections, and the calls that must get through at once (declared `lane: 'immediate'`:
 * the core answers them beside its queue) use the one left over.
 */
const MAX_ORDINARY_CALLS = 4;

function transportFailure(message: string): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

export interface HttpBridgeOptions {
  /**
   * The event stream is open again after a gap (a dropped connection, a restarted host): events
   * sent in between are lost, so the state they would have changed must be asked for.
   */
  onEventsResumed?(): void;
}

/** The contract over the browser host's HTTP API, with the token in a header (never in a URL). */
export class HttpBridge implements DossierkluisBridge {
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private streamAbort: AbortController | null = null;
  private streamOpenedBefore = false;
  private ordinaryInFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly token: string,
    private readonly options: HttpBridgeOptions = {},
  ) {}

  async call<K extends HandlerName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
    // An unknown name goes through like any call: the core answers UNKNOWN_HANDLER.
    if (api[name]?.lane === 'immediate') return this.send(name, input);
    if (this.ordinaryInFlight >= MAX_ORDINARY_CALLS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.ordinaryInFlight += 1;
    try {
      return await this.send(name, input);
    } finally {
      this.ordinaryInFlight -= 1;
      this.waiting.shift()?.();
    }
  }

  private async send<K extends HandlerName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
    let response: Response;
    try {
      response = await fetch('./api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ name, input }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      return transportFailure(`host unreachable: ${(error as Error).message}`);
    }
    try {
      // Refusals (403, 413, ...) carry the same Result shape as the core's answers.
      return (await response.json()) as Result<Output<K>>;
    } catch {
      return transportFailure(`host answered ${response.status} without a result`);
    }
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.streamAbort) this.openStream();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.streamAbort?.abort();
        this.streamAbort = null;
      }
    };
  }

  private openStream(): void {
    const abort = new AbortController();
    this.streamAbort = abort;
    void this.readStream(abort.signal).then((retry) => {
      if (!retry || abort.signal.aborted || this.streamAbort !== abort) return;
      // The host restarted or the connection dropped: try again while someone listens.
      setTimeout(() => {
        if (this.streamAbort === abort && this.listeners.size > 0) this.openStream();
      }, RECONNECT_DELAY_MS);
    });
  }

  /** Resolves true when the stream ended in a way worth retrying (not a refusal of the token). */
  private async readStream(signal: AbortSignal): Promise<boolean> {
    try {
      const response = await fetch('./api/events', {
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        credentials: 'omit',
        signal,
      });
      // A refused token stays refused: the host restarted with a new one and this page is done.
      if (response.status === 403) return false;
      if (!response.ok || !response.body) return true;
      // The host subscribes before it answers, so from here on no event is missed; what happened
      // before is asked for once the stream is back.
      if (this.streamOpenedBefore) this.options.onEventsResumed?.();
      this.streamOpenedBefore = true;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new EventStreamParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return true;
        for (const event of parser.push(value)) for (const listener of this.listeners) listener(event);
      }
    } catch {
      // Aborted or disconnected: openStream decides whether to reconnect.
      return true;
    }
  }
}
