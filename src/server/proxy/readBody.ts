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
export async function readBody(body: Readable, contentEncoding: string | undefined, contentLength: string | undefined, max: number): Promise<ReadBody> {
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
  // One buffer, grown by doubling, rather than a list of chunks joined at the end: the chunks are
  // let go as they arrive, so a 10 MiB body is not held twice at the end (and a declared length
  // sizes it once).
  const declared = Number(contentLength);
  let kept = Buffer.allocUnsafe(Math.min(max, declared > 0 && encodings.length === 0 ? declared : 64 * 1024));
  let total = 0;
  let truncated = false;
  const stop = () => {
    for (const d of decoders) d?.destroy();
    body.destroy();
  };
  const append = (chunk: Buffer) => {
    if (total + chunk.length > kept.length) {
      const grown = Buffer.allocUnsafe(Math.min(max, Math.max(kept.length * 2, total + chunk.length)));
      kept.copy(grown, 0, 0, total);
      kept = grown;
    }
    chunk.copy(kept, total);
    total += chunk.length;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (total + chunk.length > max) {
        append(chunk.subarray(0, max - total));
        truncated = true;
        break;
      }
      append(chunk);
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
  return { bytes: total === kept.length ? kept : kept.subarray(0, total), truncated };
}
