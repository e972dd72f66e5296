#!/usr/bin/env node
'use strict';
// The gRPC interop client (grpc/grpc doc/interop-test-descriptions.md) on @grpc/grpc-js, run against our
// tests/InteropHost:
//   node tests/clients/interop-client.js --server_host=127.0.0.1 --server_port=50051 --test_case=large_unary
// --test_case=all runs every case in this one process. Exit code 0 when every case passed, 1 when one failed,
// 2 for bad arguments. Cleartext only (--use_tls=false).

const { Channels } = require('./interop/channel');
const cases = require('./interop/cases');

/** Hang protection only (a case never takes long); the case fails when it is reached, never a speed measure. */
const HANG_LIMIT_MS = 60_000;

function parseArguments(argv) {
  const options = { server_host: '127.0.0.1', server_port: undefined, test_case: undefined, use_tls: 'false' };
  for (const argument of argv) {
    const match = /^--([a-z_]+)=(.*)$/.exec(argument);
    if (!match) throw new Error(`unexpected argument '${argument}' (expected --name=value)`);
    options[match[1]] = match[2];
  }
  if (!/^\d+$/.test(options.server_port ?? '')) throw new Error('--server_port=PORT is required');
  if (!options.test_case) throw new Error(`--test_case=NAME is required: all, ${Object.keys(cases).join(', ')}`);
  if (options.test_case !== 'all' && !cases[options.test_case]) {
    throw new Error(`unknown --test_case=${options.test_case}; known: all, ${Object.keys(cases).join(', ')}`);
  }
  if (options.use_tls !== 'false') throw new Error('only --use_tls=false is supported (the interop host is cleartext)');
  return options;
}

async function runCase(name, host, port) {
  const channels = new Channels(host, port);
  let timer;
  try {
    const hang = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${HANG_LIMIT_MS / 1000}s (hung)`)), HANG_LIMIT_MS);
    });
    await Promise.race([cases[name](channels), hang]);
    console.log(`PASS ${name}`);
    return true;
  } catch (error) {
    if (error.code === 'ERR_ASSERTION') {
      // Our assertion messages say what differed; node's generated actual/expected diff after them is noise.
      console.error(`FAIL ${name}: ${error.message.split('\n')[0]}`);
    } else {
      console.error(`FAIL ${name}: ${error.message}`);
      if (error.stack) console.error(error.stack.split('\n').slice(1, 6).join('\n'));
    }
    return false;
  } finally {
    clearTimeout(timer);
    channels.close();
  }
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`interop-client: ${error.message}`);
    return 2;
  }
  const names = options.test_case === 'all' ? Object.keys(cases) : [options.test_case];
  let failed = 0;
  for (const name of names) {
    if (!(await runCase(name, options.server_host, Number(options.server_port)))) failed++;
  }
  if (names.length > 1) console.log(`${names.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`interop-client: ${error.stack ?? error}`);
  process.exitCode = 1;
});
