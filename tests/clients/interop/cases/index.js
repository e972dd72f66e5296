'use strict';
// Every test case by its official name, in the order --test_case=all runs them.

module.exports = {
  ...require('./unary'),
  ...require('./streaming'),
  ...require('./metadata-and-status'),
  ...require('./cancellation'),
  ...require('./compression'),
};
