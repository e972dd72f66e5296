'use strict';
// What the interop and product clients share about making grpc-js clients: the set of clients a test case made
// (closed together when the case ends), the gzip channel option, and the codec of a loaded method for calls made
// below grpc-js (raw-call.js).

/** gzip in grpc-js's compression algorithm numbering (0 identity, 1 deflate, 2 gzip). */
const GZIP = 2;

/** Channel options that make grpc-js send every request message gzip-compressed. */
const GZIP_REQUESTS = Object.freeze({ 'grpc.default_compression_algorithm': GZIP });

class ClientSet {
  constructor(host, port) {
    this.address = `${host}:${port}`;
    this.host = host;
    this.port = port;
    this.clients = [];
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

/** { path, serialize, deserialize } of a method of a proto-loader package definition, for raw-call.js. */
function methodCodec(packageDefinition, service, method) {
  const definition = packageDefinition[service]?.[method];
  if (!definition) throw new Error(`no method ${service}/${method} in the loaded protos`);
  return { path: definition.path, serialize: definition.requestSerialize, deserialize: definition.responseDeserialize };
}

module.exports = { ClientSet, GZIP_REQUESTS, methodCodec };
