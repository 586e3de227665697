const importMetaUrl = require('url').pathToFileURL(__filename).href;
"use strict";

// src/pre.ts
var import_node_fs = require("node:fs");

// src/github/job-start.ts
var JOB_STARTED_STATE = "job-started";

// src/pre.ts
var file = process.env.GITHUB_STATE;
if (file) {
  try {
    (0, import_node_fs.appendFileSync)(file, `${JOB_STARTED_STATE}=${(/* @__PURE__ */ new Date()).toISOString()}
`);
  } catch {
  }
}
