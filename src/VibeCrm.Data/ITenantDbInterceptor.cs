using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VibeCrm.Data;

/// <summary>An interceptor a feature adds to every tenant context: register it (scoped) as this interface.</summary>
public interface ITenantDbInterceptor : IInterceptor;
