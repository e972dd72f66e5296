'use strict';
// Loads the interop host's own protos (tests/InteropHost/Protos) and makes @grpc/grpc-js clients for them.

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { ClientSet, GZIP_REQUESTS, methodCodec: codecOf } = require('../shared/grpc-clients');

const PROTO_ROOT = path.resolve(__dirname, '..', '..', 'InteropHost', 'Protos');

const packageDefinition = protoLoader.loadSync('grpc/testing/test.proto', {
  includeDirs: [PROTO_ROOT],
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
});
const testing = grpc.loadPackageDefinition(packageDefinition).grpc.testing;

/** Everything a test case needs to reach the server. */
class Channels extends ClientSet {
  /** A TestService client; compressed: true sends every request message gzip-compressed. */
  testService({ compressed = false } = {}) {
    const options = compressed ? { ...GZIP_REQUESTS } : {};
    return this.track(new testing.TestService(this.address, grpc.credentials.createInsecure(), options));
  }

  unimplementedService() {
    return this.track(new testing.UnimplementedService(this.address, grpc.credentials.createInsecure()));
  }
}

/** The serializers of one method, for calls made below grpc-js (see ../shared/raw-call.js). */
function methodCodec(service, method) {
  return codecOf(packageDefinition, `grpc.testing.${service}`, method);
}

module.exports = { Channels, methodCodec, grpc };
