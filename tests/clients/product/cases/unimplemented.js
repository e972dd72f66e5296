'use strict';
// client_streaming_unimplemented_until_assets, unknown_method: what the server answers for an RPC of the contract
// that has no implementation yet, and for paths that are not in the contract at all.

const { clientStream } = require('../../shared/calls');
const { assert, Status, failedWith } = require('../../shared/expect');

/** AssetService.UploadAsset answers UNIMPLEMENTED until the assets issue lands; then this case becomes an upload. */
async function clientStreamingUnimplementedUntilAssets(channels) {
  const what = 'AssetService/UploadAsset (header, two chunks, half-close)';
  const outcome = await clientStream(channels.assets(), 'UploadAsset', [
    { message: { header: { fileName: 'clip.mp4', mediaType: 'video/mp4', sizeBytes: '6' } } },
    { message: { chunk: Buffer.from([0, 1, 2]) } },
    { message: { chunk: Buffer.from([3, 4, 5]) } },
  ]);
  failedWith(outcome, Status.UNIMPLEMENTED, what);
  assert.match(outcome.error.details, /UploadAsset/, `${what}: the status message does not name the method`);
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
  client_streaming_unimplemented_until_assets: clientStreamingUnimplementedUntilAssets,
  unknown_method: unknownMethod,
};
