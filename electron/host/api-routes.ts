import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreService } from '../core/api/core-service';
import { BodyTooLargeError, readBody, sendError, sendJson } from './http-utils';

/** POST /api/call: `{ name, input }` in, the core's Result out. The core validates name and input. */
export async function handleApiCall(request: IncomingMessage, response: ServerResponse, core: CoreService): Promise<void> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    sendError(response, 415, 'INVALID_INPUT', 'Content-Type must be application/json');
    request.resume();
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      // Drain what the client still sends so that it can read the answer.
      request.resume();
      sendError(response, 413, 'INVALID_INPUT', error.message);
      return;
    }
    sendError(response, 400, 'INVALID_INPUT', 'request body could not be read');
    return;
  }
  let message: unknown;
  try {
    message = JSON.parse(body.toString('utf8'));
  } catch {
    sendError(response, 400, 'INVALID_INPUT', 'request body is not valid JSON');
    return;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    sendError(response, 400, 'INVALID_INPUT', 'request body must be an object { name, input }');
    return;
  }
  const { name, input } = message as { name?: unknown; input?: unknown };
  sendJson(response, 200, await core.callUntrusted(name, input));
}

const HEARTBEAT_MS = 20_000;

/** GET /api/events: Server-Sent Events, read by the page with fetch streaming (so the token stays in a header). */
export function handleEventStream(request: IncomingMessage, response: ServerResponse, core: CoreService, openStreams: Set<ServerResponse>): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = core.onEvent((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  openStreams.add(response);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    openStreams.delete(response);
  };
  request.on('close', stop);
  response.on('close', stop);
}
