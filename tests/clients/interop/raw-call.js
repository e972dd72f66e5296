'use strict';
// One gRPC call made directly on node:http2, below grpc-js, to see what grpc-js hides: each response message's
// compressed flag. Used by the server_compressed_* cases, whose spec asserts on that flag.

const http2 = require('node:http2');
const zlib = require('node:zlib');
const { methodCodec } = require('./channel');

function frame(payload) {
  const header = Buffer.alloc(5);
  header.writeUInt8(0, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
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
 * Calls service/method with one uncompressed request, accepting gzip responses. Resolves
 * { headers, trailers, status, messages: [{ compressed, message }] }.
 */
function rawCall(host, port, service, method, request) {
  const codec = methodCodec(service, method);
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${host}:${port}`);
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': codec.path,
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-accept-encoding': 'identity,gzip',
    });
    const chunks = [];
    let headers = {};
    let trailers = {};
    stream.on('response', (received) => { headers = received; });
    stream.on('trailers', (received) => { trailers = received; });
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', (error) => { session.close(); reject(error); });
    stream.on('end', () => {
      session.close();
      try {
        const status = trailers['grpc-status'] ?? headers['grpc-status'];
        const messages = parseFrames(Buffer.concat(chunks), headers['grpc-encoding'], codec.deserialize);
        resolve({ headers, trailers, status: status === undefined ? undefined : Number(status), messages });
      } catch (error) {
        reject(error);
      }
    });
    stream.end(frame(codec.serialize(request)));
  });
}

module.exports = { rawCall };
