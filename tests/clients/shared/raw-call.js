'use strict';
// gRPC calls made directly on node:http2, below grpc-js, to see and control what grpc-js hides: each message's
// compressed flag, grpc-encoding / grpc-accept-encoding, a grpc-timeout that only the server enforces, and any
// :path at all. Shared by the interop and product clients.

const http2 = require('node:http2');
const zlib = require('node:zlib');

/** One length-prefixed message: flag 1 and a gzip payload when `compressed`. */
function frame(payload, compressed = false) {
  const body = compressed ? zlib.gzipSync(payload) : payload;
  const header = Buffer.alloc(5);
  header.writeUInt8(compressed ? 1 : 0, 0);
  header.writeUInt32BE(body.length, 1);
  return Buffer.concat([header, body]);
}

function parseFrames(body, encoding, deserialize) {
  const messages = [];
  let offset = 0;
  while (offset < body.length) {
    if (body.length - offset < 5) throw new Error(`response body ends inside a message header at byte ${offset}`);
    const flag = body.readUInt8(offset);
    const length = body.readUInt32BE(offset + 1);
    const start = offset + 5;
    if (body.length - start < length) throw new Error(`response body ends inside a ${length}-byte message`);
    let payload = body.subarray(start, start + length);
    if (flag === 1) {
      if (encoding !== 'gzip') throw new Error(`compressed message with grpc-encoding '${encoding}'`);
      payload = zlib.gunzipSync(payload);
    } else if (flag !== 0) {
      throw new Error(`invalid compressed flag ${flag}`);
    }
    messages.push({ compressed: flag === 1, message: deserialize(payload) });
    offset = start + length;
  }
  return messages;
}

/**
 * Calls codec.path ({ path, serialize, deserialize }) with one request message and half-closes. Options:
 * compressRequest sends the message gzip-compressed (flag 1, grpc-encoding: gzip); acceptEncoding is the
 * grpc-accept-encoding sent (default "identity,gzip"; null sends none); headers adds request headers (grpc-timeout, ...).
 * Resolves { headers, trailers, status, statusMessage, messages: [{ compressed, message }], elapsedMs } once the
 * response has ended; status and statusMessage come from the trailers, or from the headers of a Trailers-Only
 * response.
 */
function rawCall(host, port, codec, request, { compressRequest = false, acceptEncoding = 'identity,gzip', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const session = http2.connect(`http://${host}:${port}`);
    session.on('error', reject);
    const requestHeaders = {
      ':method': 'POST',
      ':path': codec.path,
      'content-type': 'application/grpc',
      te: 'trailers',
      ...(acceptEncoding === null ? {} : { 'grpc-accept-encoding': acceptEncoding }),
      ...(compressRequest ? { 'grpc-encoding': 'gzip' } : {}),
      ...headers,
    };
    const stream = session.request(requestHeaders);
    const chunks = [];
    let responseHeaders = {};
    let trailers = {};
    stream.on('response', (received) => { responseHeaders = received; });
    stream.on('trailers', (received) => { trailers = received; });
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', (error) => { session.close(); reject(error); });
    stream.on('end', () => {
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      session.close();
      try {
        const status = trailers['grpc-status'] ?? responseHeaders['grpc-status'];
        const statusMessage = trailers['grpc-message'] ?? responseHeaders['grpc-message'];
        const messages = parseFrames(Buffer.concat(chunks), responseHeaders['grpc-encoding'], codec.deserialize);
        resolve({
          headers: responseHeaders,
          trailers,
          status: status === undefined ? undefined : Number(status),
          statusMessage: statusMessage === undefined ? undefined : decodeURIComponent(statusMessage),
          messages,
          elapsedMs,
        });
      } catch (error) {
        reject(error);
      }
    });
    stream.end(frame(codec.serialize(request), compressRequest));
  });
}

module.exports = { rawCall };
