import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { ProxyError } from './ProxyError';

export interface ReadBody {
  bytes: Buffer;
  truncated: boolean;
}

const MAX_ENCODINGS = 3;

function decoder(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * The response body, decoded (gzip, deflate, br) and capped at `max` decoded bytes counted while
 * streaming: a decompression bomb or an endless stream stops at the cap (truncated: true) and the
 * upstream connection is closed. More than three stacked encodings are refused.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, max: number): Promise<ReadBody> {
  // Destroying the body on purpose (cap reached, refused encoding) makes it emit an abort error;
  // that is the intended end, not a crash.
  body.on('error', () => {});
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && e !== 'identity');
  if (encodings.length > MAX_ENCODINGS) {
    body.destroy();
    throw new ProxyError('BAD_RESPONSE', `The server answered with ${encodings.length} stacked compressions, which Switchboard does not unpack.`);
  }
  // Encodings apply in the order listed, so they are undone in reverse.
  const decoders = encodings.reverse().map(decoder);
  let stream: Readable = body;
  if (decoders.every(Boolean)) for (const d of decoders) stream = stream.pipe(d!);
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  const stop = () => {
    for (const d of decoders) d?.destroy();
    body.destroy();
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (total + chunk.length > max) {
        chunks.push(chunk.subarray(0, max - total));
        total = max;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  } catch (e) {
    stop();
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ZLIB_INITIALIZATION_FAILED') {
      throw new ProxyError('BAD_RESPONSE', 'The server said the response was compressed, but it could not be unpacked.');
    }
    throw e;
  }
  if (truncated) stop();
  return { bytes: Buffer.concat(chunks, total), truncated };
}
