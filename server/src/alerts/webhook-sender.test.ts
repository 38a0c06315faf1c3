import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryFailure, sendWebhook } from './webhook-sender.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

describe('sendWebhook', () => {
  const received: { headers: IncomingHttpHeaders; body: string; method: string | undefined }[] = [];
  let status = 204;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), method: req.method });
      res.writeHead(status).end(status >= 400 ? 'no' : '');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const SECRET = 'a-secret-of-16-chars';
  const BODY = JSON.stringify({ subscription: 'nel', release: 'r2', previousRelease: 'r1', alerts: [{ areaName: 'Tower Hamlets – É' }] });

  it('POSTs the exact body as JSON, signed, with the idempotency key', async () => {
    status = 204;
    await sendWebhook({ url, secret: SECRET }, BODY, 'nel:r2');
    const last = received.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.body).toBe(BODY);
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['idempotency-key']).toBe('nel:r2');
    expect(verifyWebhookSignature(last.body, SECRET, String(last.headers['x-pathfinder-signature']))).toBe(true);
  });

  it('fails on an answer outside 2xx, naming the status', async () => {
    status = 503;
    await expect(sendWebhook({ url, secret: SECRET }, BODY, 'nel:r2')).rejects.toThrow(new DeliveryFailure(`POST ${new URL(url).origin} answered 503`));
    status = 302;
    await expect(sendWebhook({ url, secret: SECRET }, BODY, 'nel:r2')).rejects.toThrow(/answered 302/);
  });

  it('fails when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(sendWebhook({ url: `http://127.0.0.1:${port}/`, secret: SECRET }, BODY, 'k')).rejects.toThrow(/failed: .*ECONNREFUSED/);
  });
});
