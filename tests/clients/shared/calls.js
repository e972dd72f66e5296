'use strict';
// Promise wrappers around grpc-js calls that keep everything a case asserts on: the response or error, the
// initial metadata and the final status with its trailing metadata. Shared by the interop and product clients.

const grpc = require('@grpc/grpc-js');

const NO_COMPRESS = 2; // grpc-js WriteFlags.NoCompress: send this one message uncompressed.

/** A unary call: resolves { error, response, metadata, status } once the status has arrived. */
function unary(client, method, request, { metadata = new grpc.Metadata(), options = {} } = {}) {
  return new Promise((resolve) => {
    const outcome = { error: null, response: null, metadata: null, status: null };
    let callbackDone = false;
    let statusDone = false;
    const finish = () => { if (callbackDone && statusDone) resolve(outcome); };
    const call = client[method](request, metadata, options, (error, response) => {
      outcome.error = error;
      outcome.response = response ?? null;
      callbackDone = true;
      finish();
    });
    call.on('metadata', (received) => { outcome.metadata = received; });
    call.on('status', (status) => { outcome.status = status; statusDone = true; finish(); });
  });
}

/**
 * Runs a bidirectional or server-streaming call to its end: resolves { error, responses, metadata, status }.
 * onResponse(response, call, index) may write more requests, end or cancel.
 */
function collectStream(call, onResponse = () => {}) {
  return new Promise((resolve) => {
    const outcome = { error: null, responses: [], metadata: null, status: null };
    let ended = false;
    let statusDone = false;
    const finish = () => { if (ended && statusDone) resolve(outcome); };
    call.on('metadata', (received) => { outcome.metadata = received; });
    call.on('data', (response) => {
      outcome.responses.push(response);
      onResponse(response, call, outcome.responses.length - 1);
    });
    call.on('error', (error) => { outcome.error = error; ended = true; finish(); });
    call.on('end', () => { ended = true; finish(); });
    call.on('status', (status) => { outcome.status = status; statusDone = true; finish(); });
  });
}

/** A client-streaming call: writes each { message, compress } in order, half-closes, resolves like unary. */
function clientStream(client, method, writes, { metadata = new grpc.Metadata(), options = {} } = {}) {
  return new Promise((resolve) => {
    const outcome = { error: null, response: null, metadata: null, status: null };
    let callbackDone = false;
    let statusDone = false;
    const finish = () => { if (callbackDone && statusDone) resolve(outcome); };
    const call = client[method](metadata, options, (error, response) => {
      outcome.error = error;
      outcome.response = response ?? null;
      callbackDone = true;
      finish();
    });
    call.on('metadata', (received) => { outcome.metadata = received; });
    call.on('status', (status) => { outcome.status = status; statusDone = true; finish(); });
    for (const { message, compress = true } of writes) {
      if (compress) call.write(message); else call.write(message, NO_COMPRESS);
    }
    call.end();
  });
}

module.exports = { unary, collectStream, clientStream, grpc };
