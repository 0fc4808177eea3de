import * as z from 'zod'

/**
 * Imported first by the mini-program (app.tsx) and injected first into every Lambda bundle
 * (serverless.yml, custom.esbuild.inject), before any schema exists.
 *
 * zod 4 speeds up object parsing with code it generates through `new Function`, and probes for
 * it with `new Function("")`. WeChat's JavaScript engine forbids `Function` and `eval`, so the
 * mini-program must never reach that path. Each object schema reads `jitless` once, when it is
 * built (zod/v4/core/schemas.js, `$ZodObjectJIT`): a schema built before this call keeps the
 * generated-code path for good, which is why this module runs before every schema module.
 */
z.config({ jitless: true })
