import type { CoreEvent } from '../../../shared/api';

/** Split a Server-Sent Events text stream into the JSON payloads of its `data:` lines. */
export class EventStreamParser {
  private buffer = '';

  push(text: string): CoreEvent[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const events: CoreEvent[] = [];
    let boundary = this.buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = this.buffer.slice(0, boundary);
      this.buffer = this.buffer.slice(boundary + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) {
        try {
          events.push(JSON.parse(data) as CoreEvent);
        } catch {
          // A damaged event is dropped; the next one is independent.
        }
      }
      boundary = this.buffer.indexOf('\n\n');
    }
    return events;
  }
}
