// Starts the Scalar API reference (served from /api/v1/reference-assets/scalar.js) on the POS API's OpenAPI document.
(function () {
    'use strict';
    var target = document.getElementById('api-reference');
    if (!target || !window.Scalar || typeof window.Scalar.createApiReference !== 'function') {
        return;
    }

    window.Scalar.createApiReference(target, {
        url: target.getAttribute('data-openapi-url'),
        withDefaultFonts: false,
        hideClientButton: true,
        showDeveloperTools: 'never',
        telemetry: false,
        agent: { disabled: true },
        mcp: { disabled: true },
    });
}());
