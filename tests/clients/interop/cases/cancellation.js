'use strict';
// cancel_after_begin, cancel_after_first_response, timeout_on_sleeping_server.

const { collectStream } = require('../../shared/calls');
const { Status, zeros, failedWith } = require('../expect');

async function cancelAfterBegin(channels) {
  const client = channels.testService();
  const outcome = await new Promise((resolve) => {
    const call = client.StreamingInputCall((error, response) => resolve({ error, response }));
    call.cancel();
  });
  failedWith(outcome, Status.CANCELLED, 'StreamingInputCall');
}

async function cancelAfterFirstResponse(channels) {
  const call = channels.testService().FullDuplexCall();
  const done = collectStream(call, (response, stream) => stream.cancel());
  call.write({ response_parameters: [{ size: 31415 }], payload: { body: zeros(27182) } });
  failedWith(await done, Status.CANCELLED, 'FullDuplexCall');
}

async function timeoutOnSleepingServer(channels) {
  const call = channels.testService().FullDuplexCall({ deadline: Date.now() + 1 });
  const done = collectStream(call);
  call.write({ payload: { body: zeros(27182) } });
  failedWith(await done, Status.DEADLINE_EXCEEDED, 'FullDuplexCall');
}

module.exports = {
  cancel_after_begin: cancelAfterBegin,
  cancel_after_first_response: cancelAfterFirstResponse,
  timeout_on_sleeping_server: timeoutOnSleepingServer,
};
