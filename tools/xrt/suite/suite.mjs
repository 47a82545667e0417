// The cross-runtime suite: importing this registers every case. To add cases
// for a new feature, write `<feature>.mjs` beside `core.mjs` (import from
// "@iocursor/cursor" and "./harness.mjs") and import it here.

import "./core.mjs";
import "./streams.mjs";
import "./views.mjs";
