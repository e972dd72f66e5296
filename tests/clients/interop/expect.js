'use strict';
// Assertions shared by the interop cases, in the terms of doc/interop-test-descriptions.md, on top of the status
// assertions every client shares (../shared/expect.js).

const { assert, Status, succeeded, failedWith } = require('../shared/expect');

function zeros(size) {
  return Buffer.alloc(size);
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
