'use strict';
// deadline, cancellation. grpc-js enforces a deadline itself, so the deadline case also sends grpc-timeout on raw
// HTTP/2 with no client-side timer at all: there only the server can end the call. A client cancellation is
// decided by the client; the case checks grpc-js reports it and that the connection serves the next call.

const { unary, collectStream } = require('../../shared/calls');
const { rawCall } = require('../../shared/raw-call');
const { assert, Status, succeeded, failedWith } = require('../../shared/expect');
const { largestDocument } = require('../corpus');
const { methodCodec } = require('../protos');
const { toStruct } = require('../struct');

const DEADLINE_MS = 300;
/** Scheduling slack below the deadline (timers fire late, never early, but clocks are read at different points). */
const EARLY_SLACK_MS = 10;

// Watch never ends by itself, so ending at all proves the deadline ended it; how soon after is not asserted here
// (the machines are shared and noisy), and a call that never ends is caught by the test's hang protection.
function assertEndedAtDeadline(elapsedMs, what) {
  assert.ok(elapsedMs >= DEADLINE_MS - EARLY_SLACK_MS, `${what}: ended after ${elapsedMs.toFixed(0)} ms, before the ${DEADLINE_MS} ms deadline`);
}

async function deadline(channels) {
  const what = `Health/Watch {} with a ${DEADLINE_MS} ms deadline`;
  const started = performance.now();
  const outcome = await collectStream(channels.health().Watch({}, { deadline: Date.now() + DEADLINE_MS }));
  const elapsedMs = performance.now() - started;
  failedWith(outcome, Status.DEADLINE_EXCEEDED, what);
  assert.deepEqual(outcome.responses.map((response) => response.status), ['SERVING'], `${what}: the messages received before the deadline`);
  assertEndedAtDeadline(elapsedMs, what);

  const rawWhat = `raw Health/Watch {} with grpc-timeout ${DEADLINE_MS}m and no client-side deadline`;
  const raw = await rawCall(channels.host, channels.port, methodCodec('grpc.health.v1.Health', 'Watch'), {},
    { headers: { 'grpc-timeout': `${DEADLINE_MS}m` } });
  assert.equal(raw.trailers['grpc-status'], String(Status.DEADLINE_EXCEEDED),
    `${rawWhat}: trailers grpc-status ${raw.trailers['grpc-status']} (headers grpc-status ${raw.headers['grpc-status']})`);
  assert.deepEqual(raw.messages.map(({ message }) => message.status), ['SERVING'], `${rawWhat}: the messages received before the deadline`);
  assertEndedAtDeadline(raw.elapsedMs, rawWhat);
}

async function cancellation(channels) {
  const client = channels.projects();
  const request = { editorState: toStruct(largestDocument(channels.corpus).json) };
  succeeded(await unary(client, 'ValidateEditorState', request), 'ValidateEditorState before the cancelled call');

  const cancelled = await new Promise((resolve) => {
    const call = client.ValidateEditorState(request, (error, response) => resolve({ error, response }));
    call.cancel();
  });
  failedWith(cancelled, Status.CANCELLED, 'ValidateEditorState cancelled right after it started');

  succeeded(await unary(client, 'ValidateEditorState', request), 'ValidateEditorState after the cancelled call, on the same channel');
}

module.exports = { deadline, cancellation };
