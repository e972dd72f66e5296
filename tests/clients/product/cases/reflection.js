'use strict';
// bidi_reflection: grpc.reflection.v1.ServerReflection/ServerReflectionInfo, a bidirectional stream: each request
// is written only after the previous response arrived, so the server must answer while the stream is open.

const { collectStream } = require('../../shared/calls');
const { assert, succeeded } = require('../../shared/expect');
const { descriptor } = require('../protos');

const SERVICES = [
  'grpcexports.v1.ProjectService', 'grpcexports.v1.ExportService', 'grpcexports.v1.AssetService',
  'grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection', 'grpc.reflection.v1alpha.ServerReflection',
];

function assertServiceList(response) {
  const what = 'ServerReflectionInfo response 1 (list_services)';
  assert.equal(response.messageResponse, 'listServicesResponse', `${what}: answered with ${response.messageResponse}`);
  assert.equal(response.originalRequest?.messageRequest, 'listServices', `${what}: original_request`);
  const names = response.listServicesResponse.service.map((service) => service.name);
  const missing = SERVICES.filter((name) => !names.includes(name));
  assert.deepEqual(missing, [], `${what}: services missing from [${names.join(', ')}]`);
}

function assertExportServiceFiles(response) {
  const what = 'ServerReflectionInfo response 2 (file_containing_symbol grpcexports.v1.ExportService)';
  assert.equal(response.messageResponse, 'fileDescriptorResponse',
    `${what}: answered with ${response.messageResponse} ${JSON.stringify(response.errorResponse ?? '')}`);
  assert.equal(response.originalRequest?.fileContainingSymbol, 'grpcexports.v1.ExportService', `${what}: original_request`);
  const encoded = response.fileDescriptorResponse.fileDescriptorProto;
  assert.ok(encoded.length > 0, `${what}: no file_descriptor_proto`);
  const files = encoded.map((bytes, i) => {
    assert.ok(Buffer.isBuffer(bytes) && bytes.length > 0, `${what}: file_descriptor_proto[${i}] is empty`);
    return descriptor.FileDescriptorProto.decode(bytes);
  });

  const [first] = files;
  assert.equal(first.package, 'grpcexports.v1', `${what}: the first file (${first.name}) package`);
  const service = first.service.find((candidate) => candidate.name === 'ExportService');
  assert.ok(service, `${what}: the first file (${first.name}) does not declare ExportService`);
  const watch = service.method.find((method) => method.name === 'WatchExport');
  assert.ok(watch, `${what}: ExportService has no WatchExport`);
  assert.equal(watch.serverStreaming, true, `${what}: WatchExport is not server streaming`);

  const names = new Set(files.map((file) => file.name));
  const unresolved = files.flatMap((file) => file.dependency.filter((dependency) => !names.has(dependency)));
  assert.deepEqual(unresolved, [], `${what}: dependencies not sent along with [${[...names].join(', ')}]`);
}

async function bidiReflection(channels) {
  const call = channels.reflection().ServerReflectionInfo();
  const done = collectStream(call, (response, stream, index) => {
    if (index === 0) stream.write({ fileContainingSymbol: 'grpcexports.v1.ExportService' });
    else stream.end();
  });
  call.write({ listServices: '' });
  const outcome = await done;

  succeeded(outcome, 'ServerReflectionInfo');
  assert.equal(outcome.responses.length, 2, `ServerReflectionInfo: expected exactly 2 responses, got ${outcome.responses.length}`);
  assertServiceList(outcome.responses[0]);
  assertExportServiceFiles(outcome.responses[1]);
}

module.exports = { bidi_reflection: bidiReflection };
