using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Compat.Tests.Fidelity;

/// <summary>
/// Renders an assembly's public surface in the api-listing format: every public type, and every public or
/// protected member, one line each, spelled the way GenAPI spells it (bodies <c>{ throw null; }</c>, fully
/// qualified types, keyword aliases). Attributes are not rendered: listings carry only some of them, and
/// the comparison drops them from both sides.
/// </summary>
internal static class ApiSurfaceRenderer
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<", ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=", ["op_Addition"] = "+", ["op_Subtraction"] = "-",
        ["op_Multiply"] = "*", ["op_Division"] = "/", ["op_Modulus"] = "%", ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|",
        ["op_ExclusiveOr"] = "^", ["op_LeftShift"] = "<<", ["op_RightShift"] = ">>", ["op_UnaryNegation"] = "-",
        ["op_UnaryPlus"] = "+", ["op_LogicalNot"] = "!", ["op_OnesComplement"] = "~", ["op_Increment"] = "++",
        ["op_Decrement"] = "--", ["op_True"] = "true", ["op_False"] = "false",
    };

    public static IReadOnlyList<ApiEntry> Render(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type.IsPublic)
            .SelectMany(Render)
            .ToList();

    /// <summary>A type's declaration, its members and its nested types.</summary>
    public static IEnumerable<ApiEntry> Render(Type type)
    {
        var enclosing = type.DeclaringType is { } declaring ? CSharpNames.ScopeName(declaring) : type.Namespace ?? "";
        yield return new ApiEntry(enclosing, Declaration(type));

        if (IsDelegate(type))
        {
            yield break;
        }

        var scope = CSharpNames.ScopeName(type);
        foreach (var line in Members(type))
        {
            yield return new ApiEntry(scope, line);
        }

        foreach (var nested in type.GetNestedTypes(Declared).Where(nested => IsVisible(nested)))
        {
            foreach (var entry in Render(nested))
            {
                yield return entry;
            }
        }
    }

    private static string Declaration(Type type)
    {
        var access = Access(type);
        var name = CSharpNames.DeclaredName(type);
        var ownParameters = type.IsGenericType ? OwnGenericParameters(type) : [];

        if (IsDelegate(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            return $"{access} delegate {CSharpNames.TypeName(invoke.ReturnType)} {name}({Parameters(invoke)}){Constraints(ownParameters)};";
        }

        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            return underlying == typeof(int) ? $"{access} enum {name}" : $"{access} enum {name} : {CSharpNames.TypeName(underlying)}";
        }

        string kind;
        if (type.IsInterface)
        {
            kind = "partial interface";
        }
        else if (type.IsValueType)
        {
            kind = (HasAttribute(type, "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "readonly " : "")
                + (type.IsByRefLike ? "ref " : "")
                + "partial struct";
        }
        else
        {
            kind = (type.IsAbstract, type.IsSealed) switch
            {
                (true, true) => "static partial class",
                (true, false) => "abstract partial class",
                (false, true) => "sealed partial class",
                _ => "partial class",
            };
        }

        var bases = BaseTypes(type);
        var baseList = bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
        return $"{access} {kind} {name}{baseList}{Constraints(ownParameters)}";
    }

    /// <summary>
    /// The base class, then the public interfaces in ordinal order. Interfaces the base class already brings
    /// are left out, since GenAPI lists the ones in the type's own metadata.
    /// </summary>
    private static List<string> BaseTypes(Type type)
    {
        var bases = new List<string>();
        if (!type.IsInterface && !type.IsValueType && type.BaseType is { } baseType && baseType != typeof(object))
        {
            bases.Add(CSharpNames.TypeName(baseType));
        }

        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces()
            .Where(candidate => candidate.IsVisible && !inherited.Contains(candidate))
            .Select(CSharpNames.TypeName)
            .Order(StringComparer.Ordinal));
        return bases;
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            // Values as numbers in the underlying type, as GenAPI writes them (never as flags combinations).
            var underlying = Enum.GetUnderlyingType(type);
            return type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(field =>
            {
                var value = Convert.ChangeType(field.GetRawConstantValue(), underlying, CultureInfo.InvariantCulture);
                return $"{field.Name} = {Convert.ToString(value, CultureInfo.InvariantCulture)},";
            });
        }

        var explicitImplementations = ExplicitImplementations(type);
        return Constructors(type)
            .Concat(type.GetFields(Declared).Where(field => IsVisible(field) && !field.IsSpecialName).Select(Field))
            .Concat(type.GetProperties(Declared).Select(property => Property(property, explicitImplementations)).OfType<string>())
            .Concat(type.GetEvents(Declared).Select(@event => Event(@event, explicitImplementations)).OfType<string>())
            .Concat(type.GetMethods(Declared).Select(method => Method(method, explicitImplementations)).OfType<string>());
    }

    private static IEnumerable<string> Constructors(Type type)
    {
        if (type.IsInterface || (type.IsAbstract && type.IsSealed))
        {
            yield break;
        }

        var name = CSharpNames.DeclaredName(type);
        name = name.Contains('<', StringComparison.Ordinal) ? name[..name.IndexOf('<', StringComparison.Ordinal)] : name;
        var body = type.IsValueType ? "{ throw null; }" : "{ }";
        var constructors = type.GetConstructors(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        var visible = constructors.Where(IsVisible).ToList();

        // GenAPI declares an internal constructor for a class with none visible, so that the listing, read as
        // C#, does not gain the implicit public one.
        if (visible.Count == 0 && !type.IsValueType)
        {
            yield return $"internal {name}() {{ }}";
            yield break;
        }

        foreach (var constructor in visible)
        {
            yield return $"{Access(constructor)} {name}({Parameters(constructor)}) {body}";
        }
    }

    private static string Field(FieldInfo field)
    {
        var type = CSharpNames.TypeName(field.FieldType);
        if (field.IsLiteral)
        {
            return $"{Access(field)} const {type} {field.Name} = {CSharpNames.DefaultValue(field.FieldType, field.GetRawConstantValue())};";
        }

        var modifiers = (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
        return $"{Access(field)} {modifiers}{type} {field.Name};";
    }

    private static string? Property(PropertyInfo property, HashSet<MethodInfo> explicitImplementations)
    {
        var getter = property.GetGetMethod(nonPublic: true);
        var setter = property.GetSetMethod(nonPublic: true);
        var accessors = new[] { getter, setter }.OfType<MethodInfo>().ToList();
        var isExplicit = accessors.Count > 0 && accessors.All(explicitImplementations.Contains);
        var visible = accessors.Where(IsVisible).ToList();
        if (!isExplicit && visible.Count == 0)
        {
            return null;
        }

        var primary = isExplicit ? accessors[0] : visible.OrderBy(AccessRank).First();
        var isAbstract = primary.IsAbstract;
        var indexParameters = property.GetIndexParameters();
        var name = indexParameters.Length == 0
            ? property.Name
            : $"{(isExplicit ? property.Name[..property.Name.LastIndexOf('.')] + "." : "")}this[{Parameters(indexParameters, isExtension: false)}]";

        var parts = new List<string>();
        foreach (var accessor in isExplicit ? accessors : visible)
        {
            var keyword = accessor == getter ? "get" : IsInitOnly(accessor) ? "init" : "set";
            var prefix = isExplicit || Access(accessor) == Access(primary) ? "" : Access(accessor) + " ";
            var body = isAbstract ? ";" : accessor == getter ? " { throw null; }" : " { }";
            parts.Add($"{prefix}{keyword}{body}");
        }

        var head = isExplicit || property.DeclaringType!.IsInterface ? "" : $"{Access(primary)} {Modifiers(primary)}";
        return $"{head}{CSharpNames.TypeName(property.PropertyType)} {name} {{ {string.Join(" ", parts)} }}";
    }

    private static string? Event(EventInfo @event, HashSet<MethodInfo> explicitImplementations)
    {
        var adder = @event.GetAddMethod(nonPublic: true)!;
        var isExplicit = explicitImplementations.Contains(adder);
        if (!isExplicit && !IsVisible(adder))
        {
            return null;
        }

        var type = CSharpNames.TypeName(@event.EventHandlerType!);
        if (isExplicit)
        {
            return $"event {type} {@event.Name} {{ add {{ }} remove {{ }} }}";
        }

        var head = @event.DeclaringType!.IsInterface ? $"event {type} {@event.Name}" : $"{Access(adder)} {Modifiers(adder)}event {type} {@event.Name}";
        return adder.IsAbstract ? head + ";" : head + " { add { } remove { } }";
    }

    private static string? Method(MethodInfo method, HashSet<MethodInfo> explicitImplementations)
    {
        var isExplicit = explicitImplementations.Contains(method);
        var isOperator = method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal);
        if ((method.IsSpecialName && !isOperator) || (!isExplicit && (!IsVisible(method) || method.Name.Contains('<', StringComparison.Ordinal))))
        {
            return null;
        }

        var returnType = CSharpNames.TypeName(method.ReturnType);
        var parameters = Parameters(method);
        if (isOperator)
        {
            return method.Name is "op_Implicit" or "op_Explicit"
                ? $"{Access(method)} static {(method.Name == "op_Implicit" ? "implicit" : "explicit")} operator {returnType} ({parameters}) {{ throw null; }}"
                : $"{Access(method)} static {returnType} operator {Operators.GetValueOrDefault(method.Name, method.Name)}({parameters}) {{ throw null; }}";
        }

        var genericParameters = method.IsGenericMethodDefinition ? method.GetGenericArguments() : [];
        var signature = $"{returnType} {method.Name}{CSharpNames.GenericParameterList(genericParameters)}({parameters}){Constraints(genericParameters)}";
        if (isExplicit)
        {
            return signature + Body(method, isAbstract: false);
        }

        if (method.Name == "Finalize" && method.GetParameters().Length == 0 && method.ReturnType == typeof(void))
        {
            return $"~{CSharpNames.DeclaredName(method.DeclaringType!)}() {{ }}";
        }

        var head = method.DeclaringType!.IsInterface ? "" : $"{Access(method)} {Modifiers(method)}";
        return head + signature + Body(method, method.IsAbstract);
    }

    private static string Body(MethodInfo method, bool isAbstract) =>
        isAbstract ? ";" : method.ReturnType == typeof(void) ? " { }" : " { throw null; }";

    private static string Parameters(MethodBase method) =>
        Parameters(method.GetParameters(), method.IsDefined(typeof(ExtensionAttribute), inherit: false));

    private static string Parameters(ParameterInfo[] parameters, bool isExtension) =>
        string.Join(", ", parameters.Select((parameter, index) => Parameter(parameter, isExtension && index == 0)));

    private static string Parameter(ParameterInfo parameter, bool isThis)
    {
        var type = parameter.ParameterType;
        var prefix = isThis ? "this " : "";
        if (parameter.IsDefined(typeof(ParamArrayAttribute), inherit: false))
        {
            prefix += "params ";
        }

        if (type.IsByRef)
        {
            prefix += parameter.IsOut && !parameter.IsIn ? "out "
                : parameter.IsIn || HasAttribute(parameter, "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "in "
                : HasAttribute(parameter, "System.Runtime.CompilerServices.RequiresLocationAttribute") ? "ref readonly "
                : "ref ";
        }

        var rendered = $"{prefix}{CSharpNames.TypeName(type)} {parameter.Name}";
        return parameter.HasDefaultValue && !type.IsByRef
            ? $"{rendered} = {CSharpNames.DefaultValue(type, parameter.RawDefaultValue)}"
            : rendered;
    }

    private static string Constraints(IEnumerable<Type> genericParameters) =>
        string.Concat(genericParameters.Select(Constraint));

    private static string Constraint(Type parameter)
    {
        var attributes = parameter.GenericParameterAttributes;
        var constraints = new List<string>();
        var isStruct = attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint);
        var types = parameter.GetGenericParameterConstraints().Where(constraint => !(isStruct && constraint == typeof(ValueType))).ToList();

        if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
        {
            constraints.Add("class");
        }
        else if (isStruct)
        {
            constraints.Add(HasAttribute(parameter, "System.Runtime.CompilerServices.IsUnmanagedAttribute") ? "unmanaged" : "struct");
        }
        else if (types.Count == 0 && !attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && IsNotNullConstrained(parameter))
        {
            constraints.Add("notnull");
        }

        constraints.AddRange(types.Select(CSharpNames.TypeName));
        if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !isStruct)
        {
            constraints.Add("new()");
        }

        return constraints.Count == 0 ? "" : $" where {parameter.Name} : {string.Join(", ", constraints)}";
    }

    /// <summary>
    /// <c>notnull</c> leaves no mark but the nullable metadata: a type parameter whose own NullableAttribute,
    /// or else the nearest NullableContextAttribute, says "not annotated" (1).
    /// </summary>
    private static bool IsNotNullConstrained(Type parameter)
    {
        if (NullableByte(parameter, "System.Runtime.CompilerServices.NullableAttribute") is { } own)
        {
            return own == 1;
        }

        for (MemberInfo? owner = parameter.DeclaringMethod ?? (MemberInfo?)parameter.DeclaringType; owner is not null; owner = owner.DeclaringType)
        {
            if (NullableByte(owner, "System.Runtime.CompilerServices.NullableContextAttribute") is { } context)
            {
                return context == 1;
            }
        }

        return false;
    }

    private static byte? NullableByte(MemberInfo member, string attributeName) =>
        member.GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType.FullName == attributeName)
            .Select(attribute => attribute.ConstructorArguments[0].Value switch
            {
                byte value => value,
                IReadOnlyCollection<CustomAttributeTypedArgument> values => values.Select(value => (byte?)(byte)value.Value!).FirstOrDefault(),
                _ => null,
            })
            .FirstOrDefault();

    /// <summary>The methods that implement a public interface explicitly (private, named after the interface).</summary>
    private static HashSet<MethodInfo> ExplicitImplementations(Type type)
    {
        var methods = new HashSet<MethodInfo>();
        if (type.IsInterface)
        {
            return methods;
        }

        foreach (var contract in type.GetInterfaces().Where(contract => contract.IsVisible))
        {
            var map = type.GetInterfaceMap(contract);
            methods.UnionWith(map.TargetMethods.Where(target => target.DeclaringType == type && target.IsPrivate));
        }

        return methods;
    }

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        var isOverride = method.GetBaseDefinition().DeclaringType != method.DeclaringType;
        if (method.IsAbstract)
        {
            return isOverride ? "abstract override " : "abstract ";
        }

        if (!method.IsVirtual)
        {
            return "";
        }

        if (isOverride)
        {
            return method.IsFinal ? "sealed override " : "override ";
        }

        // A final, new-slot virtual is how C# compiles a non-virtual method that implements an interface.
        return method.IsFinal ? "" : "virtual ";
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(modifier => modifier.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsDelegate(Type type) => type.IsSubclassOf(typeof(MulticastDelegate));

    private static bool HasAttribute(ICustomAttributeProvider provider, string attributeName) =>
        provider switch
        {
            MemberInfo member => member.GetCustomAttributesData().Any(attribute => attribute.AttributeType.FullName == attributeName),
            ParameterInfo parameter => parameter.GetCustomAttributesData().Any(attribute => attribute.AttributeType.FullName == attributeName),
            _ => false,
        };

    private static Type[] OwnGenericParameters(Type type)
    {
        var inherited = type.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments().Length : 0;
        return type.GetGenericArguments()[inherited..];
    }

    private static bool IsVisible(Type type) => type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem;

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static int AccessRank(MethodBase method) => method.IsPublic ? 0 : method.IsFamilyOrAssembly ? 1 : 2;

    private static string Access(Type type) =>
        type.IsPublic || type.IsNestedPublic ? "public" : type.IsNestedFamORAssem ? "protected internal" : "protected";

    private static string Access(MethodBase method) =>
        method.IsPublic ? "public" : method.IsFamilyOrAssembly ? "protected internal" : "protected";

    private static string Access(FieldInfo field) =>
        field.IsPublic ? "public" : field.IsFamilyOrAssembly ? "protected internal" : "protected";
}
