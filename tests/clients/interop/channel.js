'use strict';
// Loads the interop host's own protos (tests/InteropHost/Protos) and makes @grpc/grpc-js clients for them.

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '..', '..', 'InteropHost', 'Protos');

const packageDefinition = protoLoader.loadSync('grpc/testing/test.proto', {
  includeDirs: [PROTO_ROOT],
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
});
const testing = grpc.loadPackageDefinition(packageDefinition).grpc.testing;

/** gzip in grpc-js's compression algorithm numbering (0 identity, 1 deflate, 2 gzip). */
const GZIP = 2;

/** Everything a test case needs to reach the server. */
class Channels {
  constructor(host, port) {
    this.address = `${host}:${port}`;
    this.host = host;
    this.port = port;
    this.clients = [];
  }

  /** A TestService client; compressed: true sends every request message gzip-compressed. */
  testService({ compressed = false } = {}) {
    const options = compressed ? { 'grpc.default_compression_algorithm': GZIP } : {};
    return this.track(new testing.TestService(this.address, grpc.credentials.createInsecure(), options));
  }

  unimplementedService() {
    return this.track(new testing.UnimplementedService(this.address, grpc.credentials.createInsecure()));
  }

  track(client) {
    this.clients.push(client);
    return client;
  }

  close() {
    for (const client of this.clients) client.close();
    this.clients = [];
  }
}

/** The serializers of one method, for calls made below grpc-js (see raw-call.js). */
function methodCodec(service, method) {
  const definition = packageDefinition[`grpc.testing.${service}`][method];
  return {
    path: definition.path,
    serialize: definition.requestSerialize,
    deserialize: definition.responseDeserialize,
  };
}

module.exports = { Channels, methodCodec, grpc };
