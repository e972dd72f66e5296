'use strict';
// unary_health, server_streaming_watch: grpc.health.v1.Health, the server's own unary and server-streaming RPCs.

const { setTimeout: delay } = require('node:timers/promises');
const { unary, collectStream } = require('../../shared/calls');
const { assert, Status, describe, succeeded, failedWith } = require('../../shared/expect');

/** How long a Watch stream must stay open after its first message to count as kept open. */
const KEPT_OPEN_MS = 300;

async function unaryHealth(channels) {
  const client = channels.health();
  for (const service of ['', 'grpcexports.v1.ProjectService']) {
    const what = `Health/Check {service: "${service}"}`;
    const outcome = await unary(client, 'Check', { service });
    succeeded(outcome, what);
    assert.equal(outcome.response.status, 'SERVING', `${what}: status`);
  }
  const unknown = await unary(client, 'Check', { service: 'grpcexports.v1.NoSuchService' });
  failedWith(unknown, Status.NOT_FOUND, 'Health/Check {service: "grpcexports.v1.NoSuchService"}');
}

/**
 * Watches `service`: the first message must be `expected`, the stream must then stay open (no status) for
 * KEPT_OPEN_MS, and cancelling it must end it CANCELLED with that one message and no other error.
 */
async function watchThenCancel(client, service, expected) {
  const what = `Health/Watch {service: "${service}"}`;
  const call = client.Watch({ service });
  let statusArrived = null;
  call.on('status', (status) => { statusArrived = status; });
  let firstArrived;
  const first = new Promise((resolve) => { firstArrived = resolve; });
  const done = collectStream(call, (response, stream, index) => { if (index === 0) firstArrived(); });

  const endedEarly = await Promise.race([first.then(() => null), done]);
  assert.equal(endedEarly, null, `${what}: the stream ended before its first message with ${endedEarly && describe(endedEarly)}`);
  await delay(KEPT_OPEN_MS);
  assert.equal(statusArrived, null,
    `${what}: the server ended the stream (status ${statusArrived?.code} ${statusArrived?.details}) after its first message; it must stay open`);

  call.cancel();
  const outcome = await done;
  failedWith(outcome, Status.CANCELLED, `${what} cancelled`);
  assert.deepEqual(outcome.responses.map((response) => response.status), [expected], `${what}: the messages received`);
}

async function serverStreamingWatch(channels) {
  const client = channels.health();
  await watchThenCancel(client, '', 'SERVING');
  await watchThenCancel(client, 'grpcexports.v1.ProjectService', 'SERVING');
  await watchThenCancel(client, 'grpcexports.v1.NoSuchService', 'SERVICE_UNKNOWN');
}

module.exports = {
  unary_health: unaryHealth,
  server_streaming_watch: serverStreamingWatch,
};
