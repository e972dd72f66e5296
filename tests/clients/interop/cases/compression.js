'use strict';
// client_compressed_unary, client_compressed_streaming, server_compressed_unary, server_compressed_streaming.
// grpc-js compresses requests with gzip when the channel option grpc.default_compression_algorithm is 2, and leaves
// one message of a stream uncompressed when it is written with the NoCompress flag. grpc-js does not show a
// response message's compressed flag, so the server_compressed cases also make the same call on raw HTTP/2
// (../../shared/raw-call.js) and assert on the flag there.

const { unary, clientStream, collectStream } = require('../../shared/calls');
const { rawCall } = require('../../shared/raw-call');
const { methodCodec } = require('../channel');
const { assert, Status, zeros, succeeded, failedWith, zeroBody, bodySizes } = require('../expect');

function largeRequest(expectCompressed) {
  return { expect_compressed: { value: expectCompressed }, response_size: 314159, payload: { body: zeros(271828) } };
}

async function clientCompressedUnary(channels) {
  const plain = channels.testService();
  const gzip = channels.testService({ compressed: true });

  const probe = await unary(plain, 'UnaryCall', largeRequest(true));
  failedWith(probe, Status.INVALID_ARGUMENT, 'UnaryCall probe (uncompressed, expect_compressed true)');

  const compressed = await unary(gzip, 'UnaryCall', largeRequest(true));
  succeeded(compressed, 'UnaryCall (compressed, expect_compressed true)');
  zeroBody(compressed.response.payload, 314159, 'UnaryCall (compressed)');

  const uncompressed = await unary(plain, 'UnaryCall', largeRequest(false));
  succeeded(uncompressed, 'UnaryCall (uncompressed, expect_compressed false)');
  zeroBody(uncompressed.response.payload, 314159, 'UnaryCall (uncompressed)');
}

async function clientCompressedStreaming(channels) {
  const probe = await clientStream(channels.testService(), 'StreamingInputCall',
    [{ message: { expect_compressed: { value: true }, payload: { body: zeros(27182) } } }]);
  failedWith(probe, Status.INVALID_ARGUMENT, 'StreamingInputCall probe (uncompressed, expect_compressed true)');

  const outcome = await clientStream(channels.testService({ compressed: true }), 'StreamingInputCall', [
    { message: { expect_compressed: { value: true }, payload: { body: zeros(27182) } }, compress: true },
    { message: { expect_compressed: { value: false }, payload: { body: zeros(45904) } }, compress: false },
  ]);
  succeeded(outcome, 'StreamingInputCall (compressed, then uncompressed)');
  assert.equal(outcome.response.aggregated_payload_size, 73086, 'StreamingInputCall: aggregated_payload_size');
}

function assertRaw(raw, flags, sizes, what) {
  assert.equal(raw.status, Status.OK, `${what}: raw HTTP/2 call ended with grpc-status ${raw.status}`);
  assert.equal(raw.messages.length, flags.length, `${what}: expected exactly ${flags.length} responses, got ${raw.messages.length}`);
  raw.messages.forEach(({ compressed, message }, i) => {
    assert.equal(compressed, flags[i],
      `${what}, response ${i + 1}: compressed flag is ${compressed ? 'set' : 'not set'}, expected ${flags[i] ? 'set' : 'not set'}`);
    zeroBody(message.payload, sizes[i], `${what}, response ${i + 1}`);
  });
}

async function serverCompressedUnary(channels) {
  const client = channels.testService();
  for (const compress of [true, false]) {
    const request = { response_compressed: { value: compress }, response_size: 314159, payload: { body: zeros(271828) } };
    const what = `UnaryCall (response_compressed ${compress})`;
    const outcome = await unary(client, 'UnaryCall', request);
    succeeded(outcome, what);
    zeroBody(outcome.response.payload, 314159, what);
    assertRaw(await rawCall(channels.host, channels.port, methodCodec('TestService', 'UnaryCall'), request), [compress], [314159], what);
  }
}

async function serverCompressedStreaming(channels) {
  const request = {
    response_parameters: [
      { compressed: { value: true }, size: 31415 },
      { compressed: { value: false }, size: 92653 },
    ],
  };
  const outcome = await collectStream(channels.testService().StreamingOutputCall(request));
  succeeded(outcome, 'StreamingOutputCall');
  bodySizes(outcome.responses, [31415, 92653], 'StreamingOutputCall');
  const raw = await rawCall(channels.host, channels.port, methodCodec('TestService', 'StreamingOutputCall'), request);
  assertRaw(raw, [true, false], [31415, 92653], 'StreamingOutputCall');
}

module.exports = {
  client_compressed_unary: clientCompressedUnary,
  client_compressed_streaming: clientCompressedStreaming,
  server_compressed_unary: serverCompressedUnary,
  server_compressed_streaming: serverCompressedStreaming,
};
