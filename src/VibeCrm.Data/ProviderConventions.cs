using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace VibeCrm.Data;

public static class ProviderConventions
{
    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset columns, so there they are stored as UTC ticks (sortable integers).
    /// Decimals are stored as TEXT by SQLite's provider; money keeps full precision that way.
    /// </summary>
    public static void UseProviderConventions(this ModelConfigurationBuilder builder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
