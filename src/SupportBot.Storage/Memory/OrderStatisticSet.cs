namespace SupportBot.Storage.Memory;

/// <summary>A sorted set that also answers "how many keys come before this one" in O(log n): a treap whose nodes
/// count their subtree. The BCL's SortedSet cannot: its range views count every element they cover when made, so a
/// place in a queue of a million would walk the million. Not thread-safe; the ticket table's lock guards it.</summary>
/// <remarks>Priorities come from a fixed-seed xorshift, so the shape (and the cost) is the same run after run.</remarks>
internal sealed class OrderStatisticSet<T>
    where T : IComparable<T>
{
    private Node? _root;
    private uint _seed = 2463534242;

    /// <summary>How many keys the set holds.</summary>
    public int Count => Size(_root);

    /// <summary>Adds the key; false when it is already there.</summary>
    public bool Add(T key)
    {
        if (Contains(key))
        {
            return false;
        }

        _root = Insert(_root, new Node(key, NextPriority()));
        return true;
    }

    /// <summary>Removes the key; false when it was not there.</summary>
    public bool Remove(T key)
    {
        if (!Contains(key))
        {
            return false;
        }

        _root = Erase(_root, key);
        return true;
    }

    /// <summary>Whether the key is in the set.</summary>
    public bool Contains(T key)
    {
        var node = _root;
        while (node is not null)
        {
            var order = key.CompareTo(node.Key);
            if (order == 0)
            {
                return true;
            }

            node = order < 0 ? node.Left : node.Right;
        }

        return false;
    }

    /// <summary>How many keys are smaller than <paramref name="key"/> (it need not be in the set).</summary>
    public int CountLess(T key)
    {
        var count = 0;
        var node = _root;
        while (node is not null)
        {
            if (key.CompareTo(node.Key) <= 0)
            {
                node = node.Left;
            }
            else
            {
                count += Size(node.Left) + 1;
                node = node.Right;
            }
        }

        return count;
    }

    /// <summary>The keys from the first one not smaller than <paramref name="min"/> on, in order. Finding the start
    /// costs O(log n); each key after it O(1) on average. The set must not change while this runs.</summary>
    public IEnumerable<T> From(T min)
    {
        var stack = new Stack<Node>();
        var node = _root;
        while (node is not null)
        {
            if (node.Key.CompareTo(min) >= 0)
            {
                stack.Push(node);
                node = node.Left;
            }
            else
            {
                node = node.Right;
            }
        }

        while (stack.Count > 0)
        {
            var next = stack.Pop();
            yield return next.Key;
            for (var child = next.Right; child is not null; child = child.Left)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Every key, in order.</summary>
    public IEnumerable<T> All()
    {
        var stack = new Stack<Node>();
        for (var node = _root; node is not null; node = node.Left)
        {
            stack.Push(node);
        }

        while (stack.Count > 0)
        {
            var next = stack.Pop();
            yield return next.Key;
            for (var child = next.Right; child is not null; child = child.Left)
            {
                stack.Push(child);
            }
        }
    }

    private uint NextPriority()
    {
        _seed ^= _seed << 13;
        _seed ^= _seed >> 17;
        _seed ^= _seed << 5;
        return _seed;
    }

    private static int Size(Node? node) => node?.Size ?? 0;

    private static void Update(Node node) => node.Size = 1 + Size(node.Left) + Size(node.Right);

    private static Node Insert(Node? tree, Node added)
    {
        if (tree is null)
        {
            return added;
        }

        if (added.Priority > tree.Priority)
        {
            Split(tree, added.Key, out var left, out var right);
            added.Left = left;
            added.Right = right;
            Update(added);
            return added;
        }

        if (added.Key.CompareTo(tree.Key) < 0)
        {
            tree.Left = Insert(tree.Left, added);
        }
        else
        {
            tree.Right = Insert(tree.Right, added);
        }

        Update(tree);
        return tree;
    }

    private static Node? Erase(Node? tree, T key)
    {
        if (tree is null)
        {
            return null;
        }

        var order = key.CompareTo(tree.Key);
        if (order == 0)
        {
            return Merge(tree.Left, tree.Right);
        }

        if (order < 0)
        {
            tree.Left = Erase(tree.Left, key);
        }
        else
        {
            tree.Right = Erase(tree.Right, key);
        }

        Update(tree);
        return tree;
    }

    // Keys smaller than `key` go left, the rest right.
    private static void Split(Node? tree, T key, out Node? left, out Node? right)
    {
        if (tree is null)
        {
            left = right = null;
            return;
        }

        if (tree.Key.CompareTo(key) < 0)
        {
            Split(tree.Right, key, out var middle, out right);
            tree.Right = middle;
            left = tree;
        }
        else
        {
            Split(tree.Left, key, out left, out var middle);
            tree.Left = middle;
            right = tree;
        }

        Update(tree);
    }

    // Every key of `left` is smaller than every key of `right`.
    private static Node? Merge(Node? left, Node? right)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        if (left.Priority > right.Priority)
        {
            left.Right = Merge(left.Right, right);
            Update(left);
            return left;
        }

        right.Left = Merge(left, right.Left);
        Update(right);
        return right;
    }

    private sealed class Node(T key, uint priority)
    {
        public T Key { get; } = key;

        public uint Priority { get; } = priority;

        public int Size { get; set; } = 1;

        public Node? Left { get; set; }

        public Node? Right { get; set; }
    }
}
