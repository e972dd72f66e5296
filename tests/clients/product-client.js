#!/usr/bin/env node
'use strict';
// An independent client of the product server on @grpc/grpc-js + @grpc/proto-loader, with the contract loaded from
// the repository's protos/:
//   node tests/clients/product-client.js --server_host=127.0.0.1 --server_port=5000 --api_key=gx_... --case=gzip \
//     --corpus=../shared/indream-editor-state
// Cases: unary, server streaming, bidirectional and client streaming calls, an error with details, a deadline, a
// cancellation, gzip, unknown methods. --case=all runs every case in this one process. Exit code 0 when every case
// passed, 1 when one failed, 2 for bad arguments. Cleartext HTTP/2 only.

const fs = require('node:fs');
const path = require('node:path');
const cases = require('./product/cases');
const { ProductChannels } = require('./product/protos');
const { parseArguments, selectCases, runClient } = require('./shared/runner');

runClient('product-client', cases, (argv) => {
  const options = parseArguments(argv, { server_host: '127.0.0.1', server_port: undefined, api_key: undefined, case: undefined, corpus: undefined });
  if (!/^\d+$/.test(options.server_port ?? '')) throw new Error('--server_port=PORT is required');
  if (!options.api_key) throw new Error('--api_key=KEY (an API key of the server) is required');
  const names = selectCases(cases, options.case, 'case');
  if (!options.corpus) throw new Error('--corpus=DIR (the editor-state corpus, ../shared/indream-editor-state) is required');
  const corpus = path.resolve(options.corpus);
  if (!fs.statSync(corpus, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--corpus=${options.corpus}: no such directory`);
  return { names, makeContext: () => new ProductChannels(options.server_host, Number(options.server_port), corpus, options.api_key) };
});
