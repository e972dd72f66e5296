using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Server.Projects.History;

/// <summary>
/// A one-line account of an editor-state patch for people, such as "moved item logo, 2 keyframes changed": items
/// added, removed, moved (start time or position) or otherwise edited, keyframes changed, tracks, assets,
/// transitions and other top-level fields touched.
/// </summary>
internal static class PatchSummary
{
    private static readonly HashSet<string> PlacementFields = ["startTicks", "left", "top", "trackId"];

    public static string Describe(IReadOnlyList<PatchOperation> patch)
    {
        if (patch.Count == 0)
        {
            return "no changes";
        }
        var changes = new Changes();
        foreach (var operation in patch)
        {
            changes.Count(operation.Op, JsonPointer.Parse(operation.Path));
        }
        return changes.Describe();
    }

    private sealed class Changes
    {
        private readonly SortedSet<string> _addedItems = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _removedItems = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _movedItems = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _editedItems = new(StringComparer.Ordinal);
        private readonly HashSet<string> _keyframes = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _addedAssets = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _removedAssets = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _otherFields = new(StringComparer.Ordinal);
        private bool _tracksChanged, _trackItemsChanged, _assetsEdited, _transitionsChanged;

        public void Count(string op, IReadOnlyList<string> path)
        {
            var section = path.Count > 0 ? path[0] : "";
            switch (section)
            {
                case "items" when path.Count >= 2:
                    CountItem(op, path);
                    break;
                case "tracks":
                    _trackItemsChanged |= path.Count >= 3 && path[2] == "items";
                    _tracksChanged |= !(path.Count >= 3 && path[2] == "items");
                    break;
                case "assets" when path.Count == 2 && op == "add":
                    _addedAssets.Add(path[1]);
                    break;
                case "assets" when path.Count == 2 && op == "remove":
                    _removedAssets.Add(path[1]);
                    break;
                case "assets":
                    _assetsEdited = true;
                    break;
                case "transitions":
                    _transitionsChanged = true;
                    break;
                default:
                    _otherFields.Add(section.Length == 0 ? "the whole document" : section);
                    break;
            }
        }

        private void CountItem(string op, IReadOnlyList<string> path)
        {
            var itemId = path[1];
            var keyframesAt = IndexOf(path, "keyframes");
            if (path.Count == 2)
            {
                (op switch { "add" => _addedItems, "remove" => _removedItems, _ => _editedItems }).Add(itemId);
            }
            else if (keyframesAt > 0)
            {
                // One keyframe is one element of a keyframes array; a whole array replaced counts once.
                _keyframes.Add(string.Join('/', path.Take(Math.Min(path.Count, keyframesAt + 2))));
            }
            else if (PlacementFields.Contains(path[2]))
            {
                _movedItems.Add(itemId);
            }
            else
            {
                _editedItems.Add(itemId);
            }
        }

        public string Describe()
        {
            _movedItems.ExceptWith(_addedItems);
            _editedItems.ExceptWith(_addedItems);
            _editedItems.ExceptWith(_removedItems);
            _editedItems.ExceptWith(_movedItems);
            var phrases = new List<string>();
            Items("added", _addedItems);
            Items("removed", _removedItems);
            Items("moved", _movedItems);
            Items("edited", _editedItems);
            if (_keyframes.Count > 0)
            {
                phrases.Add(_keyframes.Count == 1 ? "1 keyframe changed" : $"{_keyframes.Count} keyframes changed");
            }
            if (_tracksChanged)
            {
                phrases.Add("tracks changed");
            }
            else if (_trackItemsChanged && _addedItems.Count + _removedItems.Count == 0)
            {
                phrases.Add("items reordered on tracks");
            }
            Named("added", "asset", _addedAssets);
            Named("removed", "asset", _removedAssets);
            if (_assetsEdited)
            {
                phrases.Add("assets edited");
            }
            if (_transitionsChanged)
            {
                phrases.Add("transitions changed");
            }
            if (_otherFields.Count > 0)
            {
                phrases.Add("changed " + string.Join(", ", _otherFields));
            }
            return string.Join(", ", phrases);

            void Items(string verb, SortedSet<string> ids) => Named(verb, "item", ids);

            void Named(string verb, string noun, SortedSet<string> ids)
            {
                if (ids.Count == 1)
                {
                    phrases.Add($"{verb} {noun} {ids.Min}");
                }
                else if (ids.Count > 1)
                {
                    phrases.Add($"{verb} {ids.Count} {noun}s");
                }
            }
        }

        private static int IndexOf(IReadOnlyList<string> path, string token)
        {
            for (var i = 0; i < path.Count; i++)
            {
                if (path[i] == token)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
