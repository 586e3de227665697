#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli.ts
var import_node_v8 = require("node:v8");
var import_node_path3 = require("node:path");

// src/cli/compile-cache.ts
var import_node_buffer = require("node:buffer");
var import_node_fs2 = require("node:fs");
var import_node_module = __toESM(require("node:module"), 1);
var import_node_path2 = require("node:path");
var import_node_vm = require("node:vm");

// src/cli/cache-files.ts
var import_node_fs = require("node:fs");
var import_node_os = require("node:os");
var import_node_path = require("node:path");
function cacheDirectory(env) {
  if (env.NODE_DISABLE_COMPILE_CACHE === "1") return null;
  const uid = process.getuid?.() ?? -1;
  const dir = env.NODE_COMPILE_CACHE || (0, import_node_path.join)((0, import_node_os.tmpdir)(), `buildkit-doctor-compile-cache-${uid}`);
  try {
    (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
    const stat = (0, import_node_fs.lstatSync)(dir);
    if (!stat.isDirectory() || uid >= 0 && stat.uid !== uid || (stat.mode & 18) !== 0) return null;
    return dir;
  } catch {
    return null;
  }
}
function readCache(path) {
  try {
    return (0, import_node_fs.readFileSync)(path);
  } catch {
    return void 0;
  }
}
function removeStale(dir, prefix, keep) {
  try {
    for (const name of (0, import_node_fs.readdirSync)(dir)) {
      if (name.startsWith(prefix) && name.endsWith(".v8") && name !== keep) (0, import_node_fs.unlinkSync)((0, import_node_path.join)(dir, name));
    }
  } catch {
  }
}
function writeCache(path, data) {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = (0, import_node_fs.openSync)(temporary, "wx", 384);
    try {
      (0, import_node_fs.writeSync)(fd, data);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
    (0, import_node_fs.renameSync)(temporary, path);
  } catch {
    try {
      (0, import_node_fs.unlinkSync)(temporary);
    } catch {
    }
  }
}

// src/cli/compile-cache.ts
function fnv1a(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash.toString(16).padStart(8, "0");
}
function readSource(file) {
  const bytes = (0, import_node_fs2.readFileSync)(file);
  return bytes.toString((0, import_node_buffer.isAscii)(bytes) ? "latin1" : "utf8");
}
function requireCached(file, env = process.env) {
  const source = readSource(file);
  const dir = cacheDirectory(env);
  const stat = (0, import_node_fs2.statSync)(file);
  const key = `${process.version}-${stat.size}-${Math.round(stat.mtimeMs)}-${stat.ino}-${fnv1a(process.execArgv.join(" "))}`;
  const cachePath = dir === null ? null : (0, import_node_path2.join)(dir, `${(0, import_node_path2.basename)(file)}-${key}.v8`);
  const cachedData = cachePath === null ? void 0 : readCache(cachePath);
  const script = new import_node_vm.Script(import_node_module.default.wrap(source), { filename: file, cachedData });
  if (cachePath !== null && (cachedData === void 0 || script.cachedDataRejected === true)) {
    process.once("exit", () => {
      removeStale(dir, `${(0, import_node_path2.basename)(file)}-`, (0, import_node_path2.basename)(cachePath));
      writeCache(cachePath, script.createCachedData());
    });
  }
  const module2 = new import_node_module.default(file);
  module2.filename = file;
  module2.loaded = true;
  const run = script.runInThisContext();
  run.call(module2.exports, module2.exports, (0, import_node_module.createRequire)(file), module2, file, (0, import_node_path2.dirname)(file));
}

// src/version.ts
var VERSION = "0.1.0";

// src/cli.ts
(0, import_node_v8.setFlagsFromString)("--semi-space-growth-factor=1");
(0, import_node_v8.setFlagsFromString)("--heap-growing-percent=50");
var argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v" || argv[0] === "-V")) {
  process.stdout.write(VERSION + "\n");
} else {
  requireCached((0, import_node_path3.join)(__dirname, "cli-main.cjs"));
}
