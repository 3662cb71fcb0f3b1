using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chat.Domain.Data;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

/// <summary>A DateTimeOffset stored as a UTC DateTime, for MySql.Data, which loses its fraction of a second.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
