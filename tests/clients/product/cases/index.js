'use strict';
// Every product case by name, in the order --case=all runs them.

const health = require('./health');
const editorState = require('./editor-state');
const reflection = require('./reflection');
const unimplemented = require('./unimplemented');
const deadlineAndCancellation = require('./deadline-and-cancellation');

module.exports = {
  unary_health: health.unary_health,
  unary_editor_state_round_trip: editorState.unary_editor_state_round_trip,
  server_streaming_watch: health.server_streaming_watch,
  bidi_reflection: reflection.bidi_reflection,
  client_streaming_upload_refuses_non_media: unimplemented.client_streaming_upload_refuses_non_media,
  error_with_details: editorState.error_with_details,
  deadline: deadlineAndCancellation.deadline,
  cancellation: deadlineAndCancellation.cancellation,
  gzip: editorState.gzip,
  unknown_method: unimplemented.unknown_method,
};
