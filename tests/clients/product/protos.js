'use strict';
// The product's contract as an independent client sees it: every .proto under the repository's protos/ loaded by
// @grpc/proto-loader (so the contract must also parse with protobufjs), grpc-js clients for the services a case
// calls, and protobufjs types for what grpc-js leaves undecoded (grpc-status-details-bin, descriptors).

const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { ClientSet, GZIP_REQUESTS, methodCodec: codecOf } = require('../shared/grpc-clients');

/** The protobufjs that proto-loader itself uses (a dependency of it, not of this package). */
const protobufPath = require.resolve('protobufjs', { paths: [path.dirname(require.resolve('@grpc/proto-loader'))] });
const protobuf = require(protobufPath);
const descriptor = require(path.join(path.dirname(protobufPath), 'ext', 'descriptor'));

const PROTO_ROOT = path.resolve(__dirname, '..', '..', '..', 'protos');

/** Every .proto file under protos/, relative to it, in a stable order. */
function protoFiles(directory = PROTO_ROOT) {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return protoFiles(full);
    return entry.name.endsWith('.proto') ? [path.relative(PROTO_ROOT, full)] : [];
  }).sort();
}

// keepCase false: fields in camelCase. oneofs: a oneof's set member is named by a virtual field (Struct's Value
// `kind`, reflection's `messageRequest`). No proto-loader option maps google.protobuf.Struct to a plain object, so
// struct.js converts.
const packageDefinition = protoLoader.loadSync(protoFiles(), {
  includeDirs: [PROTO_ROOT],
  keepCase: false,
  longs: String,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
});
const loaded = grpc.loadPackageDefinition(packageDefinition);

/**
 * google.rpc.Status and its detail messages, decoded from grpc-status-details-bin by protobufjs. keepCase: the field
 * names of the .proto files (type_url, field_violations), as google/protobuf/any.proto comes from protobufjs's
 * bundled definitions, which keep them too.
 */
const rpcTypes = (() => {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => path.join(PROTO_ROOT, target);
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
  return root;
})();

/** The grpc-js clients of one test case, closed when it ends, and the corpus directory (--corpus) it may read. */
class ProductChannels extends ClientSet {
  /** apiKey: sent as `authorization: Bearer <apiKey>` metadata on every call. */
  constructor(host, port, corpus, apiKey) {
    super(host, port);
    this.corpus = corpus;
    this.interceptors = [bearer(apiKey)];
    /** The same key as request headers, for ../shared/raw-call.js. */
    this.authorization = { authorization: `Bearer ${apiKey}` };
  }

  create(Client, { compressed = false } = {}) {
    const options = { interceptors: this.interceptors, ...(compressed ? GZIP_REQUESTS : {}) };
    return this.track(new Client(this.address, grpc.credentials.createInsecure(), options));
  }

  health() { return this.create(loaded.grpc.health.v1.Health); }

  reflection() { return this.create(loaded.grpc.reflection.v1.ServerReflection); }

  /** compressed: true sends every request message gzip-compressed. */
  projects(options) { return this.create(loaded.grpcexports.v1.ProjectService, options); }

  assets() { return this.create(loaded.grpcexports.v1.AssetService); }

  /** A client with no service of its own, for calls to any path (makeUnaryRequest). */
  generic() { return this.create(grpc.Client); }
}

/**
 * An interceptor adding the API key to each call's metadata (call credentials would need TLS, and the tests speak
 * cleartext HTTP/2 on loopback).
 */
function bearer(apiKey) {
  return (options, nextCall) => new grpc.InterceptingCall(nextCall(options), {
    start(metadata, listener, next) {
      metadata.set('authorization', `Bearer ${apiKey}`);
      next(metadata, listener);
    },
  });
}

/** { path, serialize, deserialize } of a product method, for ../shared/raw-call.js. */
function methodCodec(service, method) {
  return codecOf(packageDefinition, service, method);
}

module.exports = { ProductChannels, methodCodec, rpcTypes, descriptor, grpc };
