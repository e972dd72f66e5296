#!/usr/bin/env node
'use strict';
// The gRPC interop client (grpc/grpc doc/interop-test-descriptions.md) on @grpc/grpc-js, run against our
// tests/InteropHost:
//   node tests/clients/interop-client.js --server_host=127.0.0.1 --server_port=50051 --test_case=large_unary
// --test_case=all runs every case in this one process. Exit code 0 when every case passed, 1 when one failed,
// 2 for bad arguments. Cleartext only (--use_tls=false).

const { Channels } = require('./interop/channel');
const cases = require('./interop/cases');
const { parseArguments, selectCases, runClient } = require('./shared/runner');

runClient('interop-client', cases, (argv) => {
  const options = parseArguments(argv, { server_host: '127.0.0.1', server_port: undefined, test_case: undefined, use_tls: 'false' });
  if (!/^\d+$/.test(options.server_port ?? '')) throw new Error('--server_port=PORT is required');
  const names = selectCases(cases, options.test_case, 'test_case');
  if (options.use_tls !== 'false') throw new Error('only --use_tls=false is supported (the interop host is cleartext)');
  return { names, makeContext: () => new Channels(options.server_host, Number(options.server_port)) };
});
