// Zod 4 probes `new Function` to decide whether to compile fast object parsers. Under the
// console's CSP (no 'unsafe-eval') the probe fails safely, but the browser still reports a
// CSP violation for it. jitless skips the probe. Import this first in any schema module a
// client component loads (the CSP e2e test fails otherwise).
import { z } from "zod";

z.config({ jitless: true });
