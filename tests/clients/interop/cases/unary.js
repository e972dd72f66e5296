'use strict';
// empty_unary, large_unary, unimplemented_method, unimplemented_service.

const { unary } = require('../../shared/calls');
const { assert, Status, zeros, succeeded, failedWith, zeroBody } = require('../expect');

async function emptyUnary(channels) {
  const outcome = await unary(channels.testService(), 'EmptyCall', {});
  succeeded(outcome, 'EmptyCall');
  assert.ok(outcome.response, 'EmptyCall: response is null');
  assert.deepEqual(outcome.response, {}, 'EmptyCall: response is not the empty message');
}

async function largeUnary(channels) {
  const outcome = await unary(channels.testService(), 'UnaryCall', { response_size: 314159, payload: { body: zeros(271828) } });
  succeeded(outcome, 'UnaryCall');
  zeroBody(outcome.response.payload, 314159, 'UnaryCall');
}

async function unimplementedMethod(channels) {
  const outcome = await unary(channels.testService(), 'UnimplementedCall', {});
  failedWith(outcome, Status.UNIMPLEMENTED, 'TestService/UnimplementedCall');
}

async function unimplementedService(channels) {
  const outcome = await unary(channels.unimplementedService(), 'UnimplementedCall', {});
  failedWith(outcome, Status.UNIMPLEMENTED, 'UnimplementedService/UnimplementedCall');
}

module.exports = {
  empty_unary: emptyUnary,
  large_unary: largeUnary,
  unimplemented_method: unimplementedMethod,
  unimplemented_service: unimplementedService,
};
