using System.ComponentModel;

namespace Azure.Data.Tables.Models;

/// <summary>
/// The error codes of the Table service, for comparison with <see cref="RequestFailedException.ErrorCode"/>
/// (a string converts implicitly). Codes compare case-insensitively.
/// </summary>
public readonly struct TableErrorCode : IEquatable<TableErrorCode>
{
    private readonly string _value;

    /// <summary>Wraps a code; throws for null, as the official 12.11.0 client does (so comparing a null ErrorCode throws too).</summary>
    public TableErrorCode(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    // The service's codes, each named exactly as the service spells it.
    public static TableErrorCode AccountIOPSLimitExceeded { get; } = new(nameof(AccountIOPSLimitExceeded));
    public static TableErrorCode AtomFormatNotSupported { get; } = new(nameof(AtomFormatNotSupported));
    public static TableErrorCode AuthorizationPermissionMismatch { get; } = new(nameof(AuthorizationPermissionMismatch));
    public static TableErrorCode AuthorizationResourceTypeMismatch { get; } = new(nameof(AuthorizationResourceTypeMismatch));
    public static TableErrorCode CannotCreateTableWithIOPSGreaterThanMaxAllowedPerTable { get; } = new(nameof(CannotCreateTableWithIOPSGreaterThanMaxAllowedPerTable));
    public static TableErrorCode CommandsInBatchActOnDifferentPartitions { get; } = new(nameof(CommandsInBatchActOnDifferentPartitions));
    public static TableErrorCode ContentLengthExceeded { get; } = new(nameof(ContentLengthExceeded));
    public static TableErrorCode DuplicateKeyPropertySpecified { get; } = new(nameof(DuplicateKeyPropertySpecified));
    public static TableErrorCode DuplicatePropertiesSpecified { get; } = new(nameof(DuplicatePropertiesSpecified));
    public static TableErrorCode EntityAlreadyExists { get; } = new(nameof(EntityAlreadyExists));
    public static TableErrorCode EntityNotFound { get; } = new(nameof(EntityNotFound));
    public static TableErrorCode EntityTooLarge { get; } = new(nameof(EntityTooLarge));
    public static TableErrorCode Forbidden { get; } = new(nameof(Forbidden));
    public static TableErrorCode InvalidDuplicateRow { get; } = new(nameof(InvalidDuplicateRow));
    public static TableErrorCode InvalidInput { get; } = new(nameof(InvalidInput));
    public static TableErrorCode InvalidValueType { get; } = new(nameof(InvalidValueType));
    public static TableErrorCode JsonFormatNotSupported { get; } = new(nameof(JsonFormatNotSupported));
    public static TableErrorCode JsonVerboseFormatNotSupported { get; } = new(nameof(JsonVerboseFormatNotSupported));
    public static TableErrorCode KeyValueTooLarge { get; } = new(nameof(KeyValueTooLarge));
    public static TableErrorCode MediaTypeNotSupported { get; } = new(nameof(MediaTypeNotSupported));
    public static TableErrorCode MethodNotAllowed { get; } = new(nameof(MethodNotAllowed));
    public static TableErrorCode NotImplemented { get; } = new(nameof(NotImplemented));
    public static TableErrorCode OperationTimedOut { get; } = new(nameof(OperationTimedOut));
    public static TableErrorCode OperatorInvalid { get; } = new(nameof(OperatorInvalid));
    public static TableErrorCode OutOfRangeInput { get; } = new(nameof(OutOfRangeInput));
    public static TableErrorCode PartitionKeyEqualityComparisonExpected { get; } = new(nameof(PartitionKeyEqualityComparisonExpected));
    public static TableErrorCode PartitionKeyNotSpecified { get; } = new(nameof(PartitionKeyNotSpecified));
    public static TableErrorCode PartitionKeyPropertyCannotBeUpdated { get; } = new(nameof(PartitionKeyPropertyCannotBeUpdated));
    public static TableErrorCode PartitionKeySpecifiedMoreThanOnce { get; } = new(nameof(PartitionKeySpecifiedMoreThanOnce));
    public static TableErrorCode PerTableIOPSDecrementLimitReached { get; } = new(nameof(PerTableIOPSDecrementLimitReached));
    public static TableErrorCode PerTableIOPSIncrementLimitReached { get; } = new(nameof(PerTableIOPSIncrementLimitReached));
    public static TableErrorCode PrimaryKeyPropertyIsInvalidType { get; } = new(nameof(PrimaryKeyPropertyIsInvalidType));
    public static TableErrorCode PropertiesNeedValue { get; } = new(nameof(PropertiesNeedValue));
    public static TableErrorCode PropertyNameInvalid { get; } = new(nameof(PropertyNameInvalid));
    public static TableErrorCode PropertyNameTooLong { get; } = new(nameof(PropertyNameTooLong));
    public static TableErrorCode PropertyValueTooLarge { get; } = new(nameof(PropertyValueTooLarge));
    public static TableErrorCode ResourceNotFound { get; } = new(nameof(ResourceNotFound));
    public static TableErrorCode SettingIOPSForATableInProvisioningNotAllowed { get; } = new(nameof(SettingIOPSForATableInProvisioningNotAllowed));
    public static TableErrorCode TableAlreadyExists { get; } = new(nameof(TableAlreadyExists));
    public static TableErrorCode TableBeingDeleted { get; } = new(nameof(TableBeingDeleted));
    public static TableErrorCode TableHasNoProperties { get; } = new(nameof(TableHasNoProperties));
    public static TableErrorCode TableHasNoSuchProperty { get; } = new(nameof(TableHasNoSuchProperty));
    public static TableErrorCode TableNotFound { get; } = new(nameof(TableNotFound));
    public static TableErrorCode TooManyProperties { get; } = new(nameof(TooManyProperties));
    public static TableErrorCode UpdateConditionNotSatisfied { get; } = new(nameof(UpdateConditionNotSatisfied));
    public static TableErrorCode XMethodIncorrectCount { get; } = new(nameof(XMethodIncorrectCount));
    public static TableErrorCode XMethodIncorrectValue { get; } = new(nameof(XMethodIncorrectValue));
    public static TableErrorCode XMethodNotUsingPost { get; } = new(nameof(XMethodNotUsingPost));

    /// <summary>Whether both name the same code, ignoring case.</summary>
    public static bool operator ==(TableErrorCode left, TableErrorCode right) => left.Equals(right);

    /// <summary>Whether the codes differ, ignoring case.</summary>
    public static bool operator !=(TableErrorCode left, TableErrorCode right) => !left.Equals(right);

    /// <summary>Wraps a code string, typically <see cref="RequestFailedException.ErrorCode"/>.</summary>
    public static implicit operator TableErrorCode(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(TableErrorCode other) => string.Equals(_value, other._value, StringComparison.InvariantCultureIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TableErrorCode other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.InvariantCultureIgnoreCase.GetHashCode(_value);

    /// <summary>The code.</summary>
    public override string ToString() => _value;
}
