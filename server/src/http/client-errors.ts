import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Problem } from '@pathfinder/metrics';

/** What Node's HTTP parser refuses before the app sees a request, as the problem it answers. */
function parserProblem(code: string | undefined): Problem {
  if (code === 'HPE_HEADER_OVERFLOW') return { type: 'about:blank', title: 'Request header fields too large', status: 431, code: 'headers_too_large', detail: 'the request’s header fields are larger than the server accepts (16 KiB in all)' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { type: 'about:blank', title: 'Request timeout', status: 408, code: 'request_timeout', detail: 'the request was not received in time' };
  return { type: 'about:blank', title: 'Bad request', status: 400, code: 'malformed_request', detail: 'the request is not valid HTTP/1.1' };
}

/**
 * Answers requests Node's HTTP parser refuses (headers over its limit: 431; a request too slow to
 * arrive: 408; anything else malformed: 400) with problem+json like every other refusal, where
 * Node would send a bare status line. Replaces Node's default `clientError` handling, so it also
 * does what that does: a socket that cannot take an answer is destroyed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
    if (!socket.writable || socket._httpMessage?.headersSent || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const problem = parserProblem(error.code);
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
