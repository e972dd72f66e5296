'use strict';
// google.protobuf.Struct as proto-loader gives and takes it ({ fields: { key: Value } } with Value's oneof named
// by `kind`), converted to and from plain JSON, and the JSON comparison the round-trip cases assert with.

function toValue(json) {
  if (json === null) return { nullValue: 'NULL_VALUE' };
  switch (typeof json) {
    case 'number': return { numberValue: json };
    case 'string': return { stringValue: json };
    case 'boolean': return { boolValue: json };
    default:
      return Array.isArray(json) ? { listValue: { values: json.map(toValue) } } : { structValue: toStruct(json) };
  }
}

/** A JSON object as a Struct message object. */
function toStruct(object) {
  return { fields: Object.fromEntries(Object.entries(object).map(([key, value]) => [key, toValue(value)])) };
}

function fromValue(value, where) {
  switch (value?.kind) {
    case 'nullValue': return null;
    case 'numberValue': return value.numberValue;
    case 'stringValue': return value.stringValue;
    case 'boolValue': return value.boolValue;
    case 'structValue': return fromStruct(value.structValue, where);
    case 'listValue': return (value.listValue.values ?? []).map((item, i) => fromValue(item, `${where}[${i}]`));
    default: throw new Error(`${where}: a google.protobuf.Value with no kind set`);
  }
}

/** A Struct message object as plain JSON. */
function fromStruct(struct, where = '$') {
  return Object.fromEntries(Object.entries(struct.fields ?? {}).map(([key, value]) => [key, fromValue(value, `${where}.${key}`)]));
}

function kindOf(json) {
  if (json === null) return 'null';
  return Array.isArray(json) ? 'array' : typeof json;
}

/**
 * The first difference between two JSON values as "path: what differs", or null when they are equivalent: the
 * same kinds, the same key sets in any order, arrays of the same length, equal numbers (a Struct carries every
 * number as a double, and so does JavaScript, so equal means the very same double) and equal strings.
 */
function findDifference(expected, actual, where = '$') {
  const expectedKind = kindOf(expected);
  const actualKind = kindOf(actual);
  if (expectedKind !== actualKind) {
    return `${where}: expected ${expectedKind} ${JSON.stringify(expected)}, got ${actualKind} ${JSON.stringify(actual)}`;
  }
  if (expectedKind === 'array') {
    if (expected.length !== actual.length) return `${where}: expected ${expected.length} elements, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const difference = findDifference(expected[i], actual[i], `${where}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  if (expectedKind === 'object') {
    const expectedKeys = Object.keys(expected);
    const actualKeys = new Set(Object.keys(actual));
    const missing = expectedKeys.filter((key) => !actualKeys.has(key));
    const extra = [...actualKeys].filter((key) => !Object.hasOwn(expected, key));
    if (missing.length > 0 || extra.length > 0) {
      return `${where}: keys differ; missing [${missing.join(', ')}], extra [${extra.join(', ')}]`;
    }
    for (const key of expectedKeys) {
      const difference = findDifference(expected[key], actual[key], `${where}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

module.exports = { toStruct, fromStruct, findDifference };
