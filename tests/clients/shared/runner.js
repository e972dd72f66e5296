'use strict';
// The command line of a test client: --name=value arguments, the selected case (or all) run one after the other
// with hang protection, one PASS / FAIL line each, exit code 0 when every case passed, 1 when one failed, 2 for
// bad arguments. Shared by the interop and product clients.

const { inspect } = require('node:util');

/** Assertion operators whose actual and expected values are worth printing. */
const EQUALITY = new Set(['strictEqual', 'deepStrictEqual', 'equal', 'deepEqual']);

/** Hang protection only (a case never takes long); the case fails when it is reached, never a speed measure. */
const HANG_LIMIT_MS = 60_000;

/** Parses --name=value arguments over `defaults`; throws on anything else. */
function parseArguments(argv, defaults) {
  const options = { ...defaults };
  for (const argument of argv) {
    const match = /^--([a-z_]+)=(.*)$/.exec(argument);
    if (!match) throw new Error(`unexpected argument '${argument}' (expected --name=value)`);
    options[match[1]] = match[2];
  }
  return options;
}

/** The case names `selected` stands for ("all" or one name); throws for an unknown one. */
function selectCases(cases, selected, option) {
  const known = `all, ${Object.keys(cases).join(', ')}`;
  if (!selected) throw new Error(`--${option}=NAME is required: ${known}`);
  if (selected === 'all') return Object.keys(cases);
  if (!cases[selected]) throw new Error(`unknown --${option}=${selected}; known: ${known}`);
  return [selected];
}

/** A value of a failed assertion on one short line. */
function brief(value) {
  const text = value instanceof Error
    ? `${value.name}: ${value.message}`
    : inspect(value, { depth: 3, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 200 });
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

function report(name, error) {
  if (error.code === 'ERR_ASSERTION') {
    // Our assertion messages say what was checked; node's generated multi-line diff after them is noise, so the
    // compared values follow on one line instead.
    const compared = EQUALITY.has(error.operator) ? ` [actual ${brief(error.actual)}; expected ${brief(error.expected)}]` : '';
    console.error(`FAIL ${name}: ${error.message.split('\n')[0]}${compared}`);
  } else {
    console.error(`FAIL ${name}: ${error.message}`);
    if (error.stack) console.error(error.stack.split('\n').slice(1, 6).join('\n'));
  }
}

/** Runs one case with a fresh context from makeContext() (closed afterwards); true when it passed. */
async function runCase(name, run, makeContext) {
  const context = makeContext();
  let timer;
  try {
    const hang = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${HANG_LIMIT_MS / 1000}s (hung)`)), HANG_LIMIT_MS);
    });
    await Promise.race([run(context), hang]);
    console.log(`PASS ${name}`);
    return true;
  } catch (error) {
    report(name, error);
    return false;
  } finally {
    clearTimeout(timer);
    context.close();
  }
}

/**
 * The whole program: configure(argv) parses and checks the arguments and returns { names, makeContext }, or
 * throws for bad arguments; then each named case of `cases` runs, and the process exits with the exit code.
 */
function runClient(program, cases, configure) {
  const main = async () => {
    let names;
    let makeContext;
    try {
      ({ names, makeContext } = configure(process.argv.slice(2)));
    } catch (error) {
      console.error(`${program}: ${error.message}`);
      return 2;
    }
    let failed = 0;
    for (const name of names) {
      if (!(await runCase(name, cases[name], makeContext))) failed++;
    }
    if (names.length > 1) console.log(`${names.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  };
  // Exits explicitly: a case that failed or hung may leave a call open, which would keep node running.
  main().then((code) => process.exit(code), (error) => {
    console.error(`${program}: ${error.stack ?? error}`);
    process.exit(1);
  });
}

module.exports = { parseArguments, selectCases, runClient };
