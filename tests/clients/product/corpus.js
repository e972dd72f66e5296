'use strict';
// The Indream editor-state corpus (../shared/indream-editor-state, passed as --corpus=DIR): every
// editor-state.valid.*.json and editor-state.invalid.*.json document, parsed.

const fs = require('node:fs');
const path = require('node:path');

/** [{ name, json, size }] of every editor-state.{valid,invalid}.*.json in `directory`, by name; throws when there is none. */
function editorStateDocuments(directory) {
  const names = fs.readdirSync(directory).filter((name) => /^editor-state\.(valid|invalid)\..+\.json$/.test(name)).sort();
  if (names.length === 0) throw new Error(`no editor-state.{valid,invalid}.*.json documents in ${directory}`);
  return names.map((name) => {
    const text = fs.readFileSync(path.join(directory, name), 'utf8');
    return { name, json: JSON.parse(text), size: Buffer.byteLength(text) };
  });
}

/** The largest document of the corpus. */
function largestDocument(directory) {
  return editorStateDocuments(directory).reduce((largest, document) => (document.size > largest.size ? document : largest));
}

module.exports = { editorStateDocuments, largestDocument };
