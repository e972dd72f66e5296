'use strict';
// Status assertions shared by the interop and product clients. Every message says what was expected and what came.

const assert = require('node:assert/strict');
const { status: Status } = require('@grpc/grpc-js');

/** "OK" or "CODE: message" of a call outcome ({ error }). */
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

module.exports = { assert, Status, describe, succeeded, failedWith };
