'use strict';
// custom_metadata, status_code_and_message, special_status_message.

const { unary, collectStream, grpc } = require('../../shared/calls');
const { assert, Status, zeros, succeeded, failedWith, zeroBody, bodySizes } = require('../expect');

const INITIAL_KEY = 'x-grpc-test-echo-initial';
const INITIAL_VALUE = 'test_initial_metadata_value';
const TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';
const TRAILING_VALUE = Buffer.from([0xab, 0xab, 0xab]);

function echoMetadata() {
  const metadata = new grpc.Metadata();
  metadata.add(INITIAL_KEY, INITIAL_VALUE);
  metadata.add(TRAILING_KEY, TRAILING_VALUE);
  return metadata;
}

function assertEchoed(outcome, what) {
  assert.ok(outcome.metadata, `${what}: no initial metadata received`);
  assert.deepEqual(outcome.metadata.get(INITIAL_KEY), [INITIAL_VALUE], `${what}: initial metadata ${INITIAL_KEY}`);
  const trailing = outcome.status?.metadata?.get(TRAILING_KEY) ?? [];
  assert.equal(trailing.length, 1, `${what}: expected one ${TRAILING_KEY} in the trailing metadata, got ${trailing.length}`);
  assert.ok(Buffer.isBuffer(trailing[0]) && trailing[0].equals(TRAILING_VALUE),
    `${what}: trailing metadata ${TRAILING_KEY} is ${trailing[0]?.toString('hex')}, expected ababab`);
}

async function customMetadata(channels) {
  const client = channels.testService();
  const unaryOutcome = await unary(client, 'UnaryCall', { response_size: 314159, payload: { body: zeros(271828) } },
    { metadata: echoMetadata() });
  succeeded(unaryOutcome, 'UnaryCall');
  zeroBody(unaryOutcome.response.payload, 314159, 'UnaryCall');
  assertEchoed(unaryOutcome, 'UnaryCall');

  const call = client.FullDuplexCall(echoMetadata());
  const done = collectStream(call);
  call.write({ response_parameters: [{ size: 314159 }], payload: { body: zeros(271828) } });
  call.end();
  const duplexOutcome = await done;
  succeeded(duplexOutcome, 'FullDuplexCall');
  bodySizes(duplexOutcome.responses, [314159], 'FullDuplexCall');
  assertEchoed(duplexOutcome, 'FullDuplexCall');
}

/** Both UnaryCall and FullDuplexCall end with exactly the status the request asked for. */
async function echoStatus(channels, code, message) {
  const client = channels.testService();
  const unaryOutcome = await unary(client, 'UnaryCall', { response_status: { code, message } });
  failedWith(unaryOutcome, code, 'UnaryCall', message);

  const call = client.FullDuplexCall();
  const done = collectStream(call);
  call.write({ response_status: { code, message } });
  call.end();
  failedWith(await done, code, 'FullDuplexCall', message);
}

async function statusCodeAndMessage(channels) {
  await echoStatus(channels, Status.UNKNOWN, 'test status message');
}

async function specialStatusMessage(channels) {
  await echoStatus(channels, Status.UNKNOWN, '\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \u{1F608}\t\n');
}

module.exports = {
  custom_metadata: customMetadata,
  status_code_and_message: statusCodeAndMessage,
  special_status_message: specialStatusMessage,
};
