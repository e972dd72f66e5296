'use strict';
// client_streaming, server_streaming, ping_pong, empty_stream.

const { clientStream, collectStream } = require('../../shared/calls');
const { assert, zeros, succeeded, bodySizes } = require('../expect');

async function clientStreaming(channels) {
  const writes = [27182, 8, 1828, 45904].map((size) => ({ message: { payload: { body: zeros(size) } } }));
  const outcome = await clientStream(channels.testService(), 'StreamingInputCall', writes);
  succeeded(outcome, 'StreamingInputCall');
  assert.equal(outcome.response.aggregated_payload_size, 74922, 'StreamingInputCall: aggregated_payload_size');
}

async function serverStreaming(channels) {
  const sizes = [31415, 9, 2653, 58979];
  const call = channels.testService().StreamingOutputCall({ response_parameters: sizes.map((size) => ({ size })) });
  const outcome = await collectStream(call);
  succeeded(outcome, 'StreamingOutputCall');
  bodySizes(outcome.responses, sizes, 'StreamingOutputCall');
}

async function pingPong(channels) {
  const responseSizes = [31415, 9, 2653, 58979];
  const requestSizes = [27182, 8, 1828, 45904];
  const request = (i) => ({ response_parameters: [{ size: responseSizes[i] }], payload: { body: zeros(requestSizes[i]) } });
  const call = channels.testService().FullDuplexCall();
  const done = collectStream(call, (response, stream, index) => {
    // Each request goes out only after the reply to the previous one arrived; after the fourth, half-close.
    if (index + 1 < requestSizes.length) stream.write(request(index + 1));
    else stream.end();
  });
  call.write(request(0));
  const outcome = await done;
  succeeded(outcome, 'FullDuplexCall');
  bodySizes(outcome.responses, responseSizes, 'FullDuplexCall');
}

async function emptyStream(channels) {
  const call = channels.testService().FullDuplexCall();
  const done = collectStream(call);
  call.end();
  const outcome = await done;
  succeeded(outcome, 'FullDuplexCall');
  assert.equal(outcome.responses.length, 0, `FullDuplexCall: expected zero responses, got ${outcome.responses.length}`);
}

module.exports = {
  client_streaming: clientStreaming,
  server_streaming: serverStreaming,
  ping_pong: pingPong,
  empty_stream: emptyStream,
};
