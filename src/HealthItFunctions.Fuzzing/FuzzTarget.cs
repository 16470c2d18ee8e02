using CsCheck;

namespace HealthItFunctions.Fuzzing;

/// <summary>
/// One property over one generator: <see cref="Draw"/> takes an input from the random stream, to be checked. A
/// broken property throws <see cref="PropertyFailedException"/>; any other exception is one that escaped the code
/// under test. Both count as failures, and so does an input slower than <see cref="TimeBound"/>.
/// </summary>
public sealed class FuzzTarget
{
    private readonly Func<PCG, (int Size, Action Property)> _draw;

    private FuzzTarget(string name, string description, TimeSpan timeBound, Func<PCG, (int Size, Action Property)> draw)
    {
        Name = name;
        Description = description;
        TimeBound = timeBound;
        _draw = draw;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The longest one input may take; far above the usual time, so only a stall trips it on a busy machine.</summary>
    public TimeSpan TimeBound { get; }

    /// <param name="size">The input's size for the report (characters or bytes), so a failure says how big it was.</param>
    public static FuzzTarget Create<T>(string name, string description, Gen<T> inputs, Func<T, int> size, Action<T> property, TimeSpan? timeBound = null) =>
        new(name, description, timeBound ?? TimeSpan.FromSeconds(10), pcg =>
        {
            var input = inputs.Generate(pcg, null, out _);
            return (size(input), () => property(input));
        });

    /// <summary>Draws one input: its size, and the check of the property on it.</summary>
    public (int Size, Action Property) Draw(PCG pcg) => _draw(pcg);

    public override string ToString() => Name;
}

/// <summary>The code under test answered, but wrongly: invalid output, an unclean character, an injected header.</summary>
public sealed class PropertyFailedException(string message) : Exception(message)
{
    /// <summary>Throws unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, Func<string> message)
    {
        if (!condition)
        {
            throw new PropertyFailedException(message());
        }
    }
}
