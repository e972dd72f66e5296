'use strict';
// Assertions shared by the cases, in the terms of doc/interop-test-descriptions.md.

const assert = require('node:assert/strict');
const { status: Status } = require('@grpc/grpc-js');

function zeros(size) {
  return Buffer.alloc(size);
}

function describe(outcome) {
  const error = outcome.error;
  return error ? `${Status[error.code] ?? error.code}: ${error.details ?? error.message}` : 'OK';
}

/** The call was successful. */
function succeeded(outcome, what) {
  assert.equal(outcome.error, null, `${what}: expected success, got ${describe(outcome)}`);
  assert.equal(outcome.status?.code, Status.OK, `${what}: expected status OK, got ${outcome.status?.code}`);
}

/** The call ended with this status code (and message, when given). */
function failedWith(outcome, code, what, message) {
  assert.ok(outcome.error, `${what}: expected ${Status[code]}, but the call succeeded`);
  assert.equal(outcome.error.code, code, `${what}: expected ${Status[code]}, got ${describe(outcome)}`);
  if (message !== undefined) {
    assert.equal(outcome.error.details, message, `${what}: status message differs`);
  }
}

/** A payload body of exactly `size` bytes, all zero. */
function zeroBody(payload, size, what) {
  assert.ok(payload, `${what}: response has no payload`);
  const body = Buffer.from(payload.body ?? []);
  assert.equal(body.length, size, `${what}: payload body is ${body.length} bytes, expected ${size}`);
  assert.ok(body.every((b) => b === 0), `${what}: payload body is not all zeros`);
}

/** Streamed responses with exactly these payload sizes, in order. */
function bodySizes(responses, sizes, what) {
  assert.equal(responses.length, sizes.length, `${what}: expected exactly ${sizes.length} responses, got ${responses.length}`);
  responses.forEach((response, i) => zeroBody(response.payload, sizes[i], `${what}, response ${i + 1}`));
}

module.exports = { assert, Status, zeros, succeeded, failedWith, zeroBody, bodySizes };
