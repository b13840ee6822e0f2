// TypeDependencies: every type a type uses, read from its compiled metadata and IL (signatures, base types,
// attributes, and the type/method/field tokens in method bodies), so the layering rules see what the code really
// uses, not only its using directives.
using System.Reflection;
using System.Reflection.Emit;

namespace Dcgan.Architecture.Tests;

/// <summary>Reads the types one type depends on.</summary>
internal static class TypeDependencies
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Operand sizes of every IL opcode, by opcode value (one- and two-byte opcodes).
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> uses (generic arguments and element types unwrapped).</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (Type i in type.GetInterfaces())
        {
            Add(found, i);
        }

        AddAttributes(found, type.GetCustomAttributesData());
        foreach (FieldInfo field in type.GetFields(Everything))
        {
            Add(found, field.FieldType);
            AddAttributes(found, field.GetCustomAttributesData());
        }

        foreach (PropertyInfo property in type.GetProperties(Everything))
        {
            Add(found, property.PropertyType);
        }

        foreach (MethodBase method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }

            foreach (ParameterInfo parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }

            AddAttributes(found, method.GetCustomAttributesData());
            AddBody(found, method);
        }

        return found;
    }

    private static void AddAttributes(HashSet<Type> found, IEnumerable<CustomAttributeData> attributes)
    {
        foreach (CustomAttributeData attribute in attributes)
        {
            Add(found, attribute.AttributeType);
        }
    }

    // Walks the IL of a method body and resolves every token that names a type, method or field.
    private static void AddBody(HashSet<Type> found, MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        Type[]? typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            OpCode op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, at);
                    try
                    {
                        MemberInfo? member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                        Add(found, member as Type ?? member?.DeclaringType);
                        if (member is FieldInfo f)
                        {
                            Add(found, f.FieldType);
                        }
                    }
                    catch (ArgumentException)
                    {
                        // A token into a generic context the resolver cannot bind; its declaring type is in the signatures.
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(op.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null)
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            Add(found, type.GetGenericTypeDefinition());
            foreach (Type argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }

            return;
        }

        if (!type.IsGenericParameter && found.Add(type) && type.IsNested)
        {
            Add(found, type.DeclaringType);
        }
    }
}
