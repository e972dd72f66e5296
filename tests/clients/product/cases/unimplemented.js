'use strict';
// client_streaming_upload_refuses_non_media, unknown_method: a client-streaming call the server refuses after reading
// the stream, and what it answers for paths that are not in the contract at all.

const { clientStream } = require('../../shared/calls');
const { assert, Status, failedWith } = require('../../shared/expect');

/** A client-streaming upload whose bytes are not the video they claim to be: refused once the stream is in. */
async function clientStreamingUploadRefusesNonMedia(channels) {
  const what = 'AssetService/UploadAsset (header, two chunks of non-video bytes, half-close)';
  const outcome = await clientStream(channels.assets(), 'UploadAsset', [
    { message: { header: { fileName: 'clip.mp4', mediaType: 'video/mp4', sizeBytes: '6' } } },
    { message: { chunk: Buffer.from([0, 1, 2]) } },
    { message: { chunk: Buffer.from([3, 4, 5]) } },
  ]);
  failedWith(outcome, Status.INVALID_ARGUMENT, what);
  assert.match(outcome.error.details, /clip\.mp4/, `${what}: the status message does not name the file`);
}

/** A unary call to any path with an empty request message, through a client that knows no service. */
function callPath(client, path) {
  return new Promise((resolve) => {
    const identity = (bytes) => bytes;
    client.makeUnaryRequest(path, identity, identity, Buffer.alloc(0), (error, response) => resolve({ error, response }));
  });
}

async function unknownMethod(channels) {
  const client = channels.generic();
  for (const [path, named] of [
    ['/grpcexports.v1.ProjectService/Nope', 'Nope'],
    ['/grpcexports.v1.NoSuchService/Get', 'NoSuchService'],
  ]) {
    const outcome = await callPath(client, path);
    failedWith(outcome, Status.UNIMPLEMENTED, path);
    assert.ok(outcome.error.details.includes(named), `${path}: the status message '${outcome.error.details}' does not name ${named}`);
  }
}

module.exports = {
  client_streaming_upload_refuses_non_media: clientStreamingUploadRefusesNonMedia,
  unknown_method: unknownMethod,
};
