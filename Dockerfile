# VibeCrm container image.
#   docker build -t vibecrm .
#   docker run -p 8080:8080 -v vibecrm-data:/data vibecrm
# Liveness/readiness endpoint: GET /health (200 when healthy).

# ---------------------------------------------------------------------------
# Build stage: .NET SDK + Node.js (npm installs Bootstrap, htmx and Chart.js
# into wwwroot/lib through src/VibeCrm.Web/FrontEnd.targets).
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false

WORKDIR /src

# Front-end packages first: this layer is reused while package-lock.json is unchanged.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Sources (see .dockerignore), then restore and publish the web host.
COPY . .
RUN dotnet restore src/VibeCrm.Web/VibeCrm.Web.csproj
RUN dotnet publish src/VibeCrm.Web/VibeCrm.Web.csproj -c Release -o /app --no-restore

# ---------------------------------------------------------------------------
# Runtime stage: ASP.NET Core runtime only, running as the image's non-root "app" user.
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 \
    Database__DataFolder=/data

# Data folder (SQLite databases, uploads) owned by the non-root user.
RUN mkdir -p /data && chown "$APP_UID" /data

WORKDIR /app
COPY --from=build /app ./

USER $APP_UID

VOLUME ["/data"]
EXPOSE 8080

# The aspnet image has no curl/wget: probe /health with bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "VibeCrm.Web.dll"]
