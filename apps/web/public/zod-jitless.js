// A classic script, so it runs before every module of the app, whatever chunk holds zod. The CSP
// allows no eval: unless `jitless`, zod probes `new Function` while building object schemas, which
// the browser blocks and reports as a CSP violation (zod catches it and parses without its JIT, but
// every report would carry the noise). zod reads its settings from this global, shared by all its
// copies. e2e/security.e2e.test.ts records any CSP violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
