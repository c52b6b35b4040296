// Loads configurations written by `vern export --format klaro` into the Klaro! consent manager (the
// klaro npm package's ConsentManager, in node with the few browser globals it touches) and checks
// that it accepts them and behaves as the policy says.
//
// Usage: node check_klaro.js NODE_MODULES_DIR FILE...
// Prints `ok FILE` per file; exits 1 on the first failure.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const store = () => {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
};
global.self = global;
global.window = global;
global.window.location = { hostname: "example.test" };
global.document = { cookie: "", querySelectorAll: () => [] };
global.sessionStorage = store();
global.localStorage = store();

const modules = process.argv[2];
const ConsentManager = require(path.join(modules, "klaro", "dist", "cm.js")).default;

function fail(file, why) {
  console.log(`invalid ${file}: ${why}`);
  process.exit(1);
}

for (const file of process.argv.slice(3)) {
  const sandbox = {};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  const config = sandbox.klaroConfig;
  if (!config || !Array.isArray(config.services)) fail(file, "no klaroConfig with services");
  const langs = Object.keys(config.translations || {}).filter((l) => l !== "zz");
  for (const s of config.services) {
    if (typeof s.name !== "string" || !s.name) fail(file, "a service without a name");
    for (const p of s.purposes) {
      for (const l of langs) {
        if (!config.translations[l].purposes[p]) fail(file, `purpose ${p} has no ${l} translation`);
      }
    }
    for (const l of langs) {
      if (!s.translations[l] || !s.translations[l].title) fail(file, `service ${s.name} has no ${l} title`);
    }
  }
  // Klaro reads the configuration: before any choice, only required services are on.
  const manager = new ConsentManager({ ...config, storageMethod: "test" });
  for (const s of config.services) {
    if (manager.getConsent(s.name) !== Boolean(s.required)) {
      fail(file, `service ${s.name} starts ${manager.getConsent(s.name) ? "on" : "off"}`);
    }
  }
  // Declining everything keeps only the required services; accepting turns every one on.
  manager.changeAll(false);
  manager.saveAndApplyConsents();
  for (const s of config.services) {
    if (manager.states[s.name] !== Boolean(s.required)) fail(file, `declining leaves ${s.name} wrong`);
  }
  manager.changeAll(true);
  manager.saveAndApplyConsents();
  for (const s of config.services) {
    if (manager.states[s.name] !== true) fail(file, `accepting leaves ${s.name} off`);
  }
  console.log(`ok ${file}: ${config.services.length} services`);
}
