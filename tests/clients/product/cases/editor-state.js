'use strict';
// unary_editor_state_round_trip, error_with_details, gzip: ProjectService.ValidateEditorState, which gives back
// the editor state it decoded, and refuses an empty request with details.

const { unary } = require('../../shared/calls');
const { rawCall } = require('../../shared/raw-call');
const { assert, Status, succeeded, failedWith } = require('../../shared/expect');
const { editorStateDocuments, largestDocument } = require('../corpus');
const { methodCodec, rpcTypes } = require('../protos');
const { toStruct, fromStruct, findDifference } = require('../struct');

const VALIDATE = ['grpcexports.v1.ProjectService', 'ValidateEditorState'];

/** The response's editorState is the very document that was sent. */
function assertSameDocument(response, document, what) {
  assert.ok(response?.editorState, `${what}: the response has no editorState`);
  const difference = findDifference(document.json, fromStruct(response.editorState));
  assert.equal(difference, null, `${what}: the editor state came back different: ${difference}`);
}

async function editorStateRoundTrip(channels) {
  const client = channels.projects();
  for (const document of editorStateDocuments(channels.corpus)) {
    const what = `ValidateEditorState(${document.name})`;
    const outcome = await unary(client, 'ValidateEditorState', { editorState: toStruct(document.json) });
    succeeded(outcome, what);
    assertSameDocument(outcome.response, document, what);
  }
}

/** google.rpc.Status from grpc-status-details-bin, with each Any detail decoded by its type URL. */
function decodeStatusDetails(bytes) {
  const status = rpcTypes.lookupType('google.rpc.Status').decode(bytes);
  const details = status.details.map((any) => {
    const match = /^type\.googleapis\.com\/(.+)$/.exec(any.type_url);
    assert.ok(match, `grpc-status-details-bin: detail type URL '${any.type_url}' is not type.googleapis.com/<message>`);
    return { type: match[1], message: rpcTypes.lookupType(match[1]).decode(any.value) };
  });
  return { code: status.code, message: status.message, details };
}

async function errorWithDetails(channels) {
  const what = 'ValidateEditorState {}';
  const outcome = await unary(channels.projects(), 'ValidateEditorState', {});
  failedWith(outcome, Status.INVALID_ARGUMENT, what);

  const values = outcome.error.metadata?.get('grpc-status-details-bin') ?? [];
  assert.equal(values.length, 1, `${what}: expected one grpc-status-details-bin in the error's metadata, got ${values.length}`);
  assert.ok(Buffer.isBuffer(values[0]), `${what}: grpc-status-details-bin is not binary`);
  const status = decodeStatusDetails(values[0]);
  assert.equal(status.code, Status.INVALID_ARGUMENT, `${what}: google.rpc.Status code differs from grpc-status`);
  assert.equal(status.message, outcome.error.details, `${what}: google.rpc.Status message differs from grpc-message`);

  assert.ok(status.details.length >= 2, `${what}: expected ErrorInfo and BadRequest details, got [${status.details.map((d) => d.type)}]`);
  assert.equal(status.details[0].type, 'google.rpc.ErrorInfo', `${what}: the first detail`);
  assert.equal(status.details[0].message.reason, 'INVALID_REQUEST', `${what}: ErrorInfo.reason`);
  assert.equal(status.details[0].message.domain, 'grpcexports.dev', `${what}: ErrorInfo.domain`);
  const badRequests = status.details.filter((detail) => detail.type === 'google.rpc.BadRequest');
  assert.equal(badRequests.length, 1, `${what}: expected one BadRequest detail, got ${badRequests.length}`);
  assert.deepEqual(badRequests[0].message.field_violations.map((violation) => violation.field), ['editor_state'],
    `${what}: BadRequest field violations`);
}

async function gzip(channels) {
  const document = largestDocument(channels.corpus);
  const request = { editorState: toStruct(document.json) };

  const what = `ValidateEditorState(${document.name}) on a gzip channel`;
  const outcome = await unary(channels.projects({ compressed: true }), 'ValidateEditorState', request);
  succeeded(outcome, what);
  assertSameDocument(outcome.response, document, what);

  // grpc-js shows neither message flags nor the response's grpc-encoding: the same call on raw HTTP/2 does.
  const codec = methodCodec(...VALIDATE);
  const accepted = await rawCall(channels.host, channels.port, codec, request, { compressRequest: true, acceptEncoding: 'identity,gzip', headers: channels.authorization });
  const rawWhat = `raw ValidateEditorState(${document.name}), gzip request frame, grpc-accept-encoding identity,gzip`;
  assert.equal(accepted.status, Status.OK, `${rawWhat}: grpc-status ${accepted.status} ${accepted.statusMessage ?? ''}`);
  assert.equal(accepted.headers['grpc-encoding'], 'gzip', `${rawWhat}: response grpc-encoding`);
  assert.equal(accepted.messages.length, 1, `${rawWhat}: expected one response message, got ${accepted.messages.length}`);
  assert.equal(accepted.messages[0].compressed, true, `${rawWhat}: the response message is not compressed (flag 0)`);
  assertSameDocument(accepted.messages[0].message, document, rawWhat);

  // A client that does not accept gzip must get its response uncompressed, even for a gzip request.
  const refused = await rawCall(channels.host, channels.port, codec, request, { compressRequest: true, acceptEncoding: 'identity', headers: channels.authorization });
  const refusedWhat = `raw ValidateEditorState(${document.name}), gzip request frame, grpc-accept-encoding identity`;
  assert.equal(refused.status, Status.OK, `${refusedWhat}: grpc-status ${refused.status} ${refused.statusMessage ?? ''}`);
  assert.equal(refused.messages.length, 1, `${refusedWhat}: expected one response message, got ${refused.messages.length}`);
  assert.equal(refused.messages[0].compressed, false, `${refusedWhat}: the response message is compressed for a client that does not accept gzip`);
  assertSameDocument(refused.messages[0].message, document, refusedWhat);
}

module.exports = {
  unary_editor_state_round_trip: editorStateRoundTrip,
  error_with_details: errorWithDetails,
  gzip,
};
