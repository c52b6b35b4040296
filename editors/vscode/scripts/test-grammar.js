#!/usr/bin/env node
// Headless test of the vern TextMate grammar, with the engine VS Code itself uses (vscode-textmate and the
// Oniguruma WASM build). It
//   1. loads the grammar named in package.json (and checks the language configuration and snippets parse),
//   2. checks a few expected scopes on a small fixture,
//   3. tokenises every .vern file under examples/ and stdlib/ of the repository and fails if a token that
//      is not whitespace gets no scope beyond `source.vern`, if a valid file has `invalid.illegal` tokens,
//      if a top-level line does not start with a declaration keyword, or if an indented line starts with a
//      word that is neither a property key, a translation's language tag nor a list continuation.
// Exit status: 0 when everything passes, 1 otherwise. Usage: node scripts/test-grammar.js [FILE.vern ...]

'use strict';

const fs = require('fs');
const path = require('path');

const extDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(extDir, '..', '..');
const MAX_REPORTED = 20;

function fail(msg) {
  console.error(`FAIL ${msg}`);
  process.exit(1);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${path.relative(repoRoot, file)}: ${e.message}`);
  }
}

// ---- the manifest, the language configuration and the snippets ----------------------------------------

const manifest = readJson(path.join(extDir, 'package.json'));
const grammarEntry = (manifest.contributes.grammars || []).find((g) => g.language === 'vern');
if (!grammarEntry) fail('package.json contributes no grammar for the language `vern`');
const langEntry = (manifest.contributes.languages || []).find((l) => l.id === 'vern');
if (!langEntry) fail('package.json contributes no language `vern`');

const langConfig = readJson(path.join(extDir, langEntry.configuration));
for (const key of ['wordPattern']) {
  try {
    new RegExp(langConfig[key]);
  } catch (e) {
    fail(`language-configuration.json: ${key}: ${e.message}`);
  }
}
for (const [group, obj] of Object.entries({
  indentationRules: langConfig.indentationRules || {},
  'folding.markers': (langConfig.folding || {}).markers || {},
})) {
  for (const [key, re] of Object.entries(obj)) {
    try {
      new RegExp(re);
    } catch (e) {
      fail(`language-configuration.json: ${group}.${key}: ${e.message}`);
    }
  }
}
for (const s of manifest.contributes.snippets || []) {
  const snippets = readJson(path.join(extDir, s.path));
  for (const [name, snip] of Object.entries(snippets)) {
    if (!snip.prefix || !Array.isArray(snip.body) || !snip.description) {
      fail(`${s.path}: snippet "${name}" needs prefix, body (array) and description`);
    }
  }
}

// ---- the grammar ----------------------------------------------------------------------------------------

const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const onigLib = Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  });
  const grammarPath = path.join(extDir, grammarEntry.path);
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      if (scopeName !== grammarEntry.scopeName) return null;
      const text = fs.readFileSync(grammarPath, 'utf8');
      return vsctm.parseRawGrammar(text, grammarPath);
    },
  });
  const grammar = await registry.loadGrammar(grammarEntry.scopeName);
  if (!grammar) throw new Error(`no grammar for ${grammarEntry.scopeName}`);
  return grammar;
}

// Tokenises `text`; returns [{line, col, text, scopes}] with 1-based line and column.
function tokenize(grammar, text) {
  const lines = text.split(/\r?\n/);
  let state = vsctm.INITIAL;
  const out = [];
  lines.forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, line.length);
      if (t.startIndex >= end) continue;
      out.push({ line: i + 1, col: t.startIndex + 1, text: line.slice(t.startIndex, end), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return { lines, tokens: out };
}

const has = (tok, prefix) => tok.scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
const inTextOrComment = (tok) => has(tok, 'string') || has(tok, 'comment');

// Problems with the tokens of a file that is supposed to be valid vern.
function checkTokens({ tokens }) {
  const problems = [];
  const report = (tok, what) =>
    problems.push(`${tok.line}:${tok.col} ${what}: ${JSON.stringify(tok.text)} [${tok.scopes.join(' ')}]`);
  const firstOnLine = new Map();
  for (const tok of tokens) {
    if (!/\S/.test(tok.text)) continue;
    if (!firstOnLine.has(tok.line)) firstOnLine.set(tok.line, tok);
    if (tok.scopes.length <= 1) report(tok, 'no scope beyond source.vern');
    else if (has(tok, 'invalid.illegal')) report(tok, 'invalid.illegal in a valid file');
  }
  for (const tok of firstOnLine.values()) {
    const word = /^[A-Za-z]/.test(tok.text.trimStart());
    if (!word || inTextOrComment(tok)) continue;
    if (tok.col === 1) {
      if (!has(tok, 'keyword.declaration')) report(tok, 'top-level line without a declaration keyword');
    } else if (
      !has(tok, 'meta.property') &&
      !has(tok, 'support.type.property-name') &&
      !has(tok, 'entity.other.attribute-name.language-tag')
    ) {
      report(tok, 'indented line starts with neither a property key, a translation nor a list continuation');
    }
  }
  return problems;
}

// ---- the fixture: expected scopes -----------------------------------------------------------------------

const FIXTURE = `// a comment
use std.no
/* a block
   comment */
purpose deliver-orders is order-fulfilment "Levere \\"varer\\"" en "Deliver" {
  uses name, std.email,
    order-data
  basis consent {
    mechanism double-opt-in
  }
  retain until contract-end + 3y6mo
  description "Levere"
    en "Deliver"
  kind strictly-necessary; lifetime 90d
}
recipient google is google-analytics {
  safeguard privacy-shield
  updated 2026-03-01
  min-age 16
  retain up-to 5y as bookkeeping
  for analytics
}
recipient-kind carrier
legal-event schrems-ii
`;

const EXPECT = [
  // [line, text, scope prefix]
  [1, '//', 'punctuation.definition.comment.vern'],
  [1, ' a comment', 'comment.line.double-slash.vern'],
  [2, 'use', 'keyword.declaration.use.vern'],
  [2, 'std', 'entity.name.namespace.vern'],
  [2, 'no', 'variable.other.qualified.vern'],
  [3, '/*', 'comment.block.vern'],
  [4, '   comment ', 'comment.block.vern'],
  [5, 'purpose', 'keyword.declaration.vern'],
  [5, 'deliver-orders', 'entity.name.type.vern'],
  [5, 'is', 'keyword.operator.connector.vern'],
  [5, 'order-fulfilment', 'variable.other.vern'],
  [5, '\\"', 'constant.character.escape.vern'],
  [5, 'en', 'entity.other.attribute-name.language-tag.vern'],
  [5, 'Deliver', 'string.quoted.double.vern'],
  [5, '{', 'punctuation.section.block.begin.vern'],
  [6, 'uses', 'support.type.property-name.vern'],
  [6, 'email', 'variable.other.qualified.vern'],
  [7, 'order-data', 'meta.property.vern'],
  [7, 'order-data', 'variable.other.vern'],
  [8, 'basis', 'support.type.property-name.vern'],
  [8, 'consent', 'constant.language.basis.vern'],
  [9, 'mechanism', 'support.type.property-name.vern'],
  [11, 'retain', 'support.type.property-name.vern'],
  [11, 'until', 'keyword.operator.connector.vern'],
  [11, 'contract-end', 'variable.other.vern'],
  [11, '+', 'keyword.operator.connector.plus.vern'],
  [11, '3y6mo', 'constant.numeric.duration.vern'],
  [13, 'en', 'entity.other.attribute-name.language-tag.vern'],
  [14, 'kind', 'support.type.property-name.vern'],
  [14, ';', 'punctuation.terminator.statement.vern'],
  [14, 'lifetime', 'support.type.property-name.vern'],
  [14, '90d', 'constant.numeric.duration.vern'],
  [15, '}', 'punctuation.section.block.end.vern'],
  [16, 'google', 'entity.name.type.vern'],
  [17, 'privacy-shield', 'invalid.deprecated.safeguard.vern'],
  [18, '2026-03-01', 'constant.numeric.date.vern'],
  [19, '16', 'constant.numeric.integer.vern'],
  [20, 'up-to', 'keyword.operator.connector.vern'],
  [20, '5y', 'constant.numeric.duration.vern'],
  [20, 'as', 'keyword.operator.connector.vern'],
  [21, 'for', 'support.type.property-name.vern'],
  [23, 'recipient-kind', 'keyword.declaration.vern'],
  [23, 'carrier', 'entity.name.type.vern'],
  [24, 'legal-event', 'keyword.declaration.vern'],
  [24, 'schrems-ii', 'entity.name.type.vern'],
];

function checkFixture(grammar) {
  const { tokens } = tokenize(grammar, FIXTURE);
  const problems = [];
  for (const [line, text, scope] of EXPECT) {
    const tok = tokens.find((t) => t.line === line && t.text === text);
    if (!tok) problems.push(`fixture ${line}: no token ${JSON.stringify(text)}`);
    else if (!has(tok, scope)) problems.push(`fixture ${line}: ${JSON.stringify(text)} lacks ${scope} [${tok.scopes.join(' ')}]`);
  }
  return problems;
}

// ---- the files ------------------------------------------------------------------------------------------

function walk(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && entry.name.endsWith('.vern')) out.push(p);
  }
  return out;
}

function summarize(tokens) {
  const count = (prefix) => tokens.filter((t) => has(t, prefix) && /\S/.test(t.text)).length;
  return {
    decls: tokens.filter((t) => has(t, 'keyword.declaration')).length,
    props: count('support.type.property-name'),
    strings: tokens.filter((t) => has(t, 'punctuation.definition.string.begin')).length,
  };
}

async function main() {
  let grammar;
  try {
    grammar = await loadGrammar();
  } catch (e) {
    fail(`the grammar ${grammarEntry.path} does not load: ${e.message}`);
  }

  let failed = false;
  let fixtureProblems;
  try {
    fixtureProblems = checkFixture(grammar);
  } catch (e) {
    // vscode-textmate compiles a rule's regexes when the rule is first tried: a bad pattern throws here.
    fail(`the grammar ${grammarEntry.path} does not compile: ${e.message}`);
  }
  if (fixtureProblems.length) {
    failed = true;
    console.log(`FAIL fixture: ${fixtureProblems.length} unexpected scope(s)`);
    for (const p of fixtureProblems) console.log(`  ${p}`);
  } else {
    console.log(`ok   fixture: ${EXPECT.length} expected scopes`);
  }

  const args = process.argv.slice(2);
  const files = args.length
    ? args.map((a) => path.resolve(a))
    : [...walk(path.join(repoRoot, 'examples'), []), ...walk(path.join(repoRoot, 'stdlib'), [])].sort();
  if (!files.length) fail('no .vern files found under examples/ and stdlib/');

  let totalLines = 0;
  let totalTokens = 0;
  let badFiles = 0;
  for (const file of files) {
    const rel = path.relative(repoRoot, file);
    let result;
    try {
      result = tokenize(grammar, fs.readFileSync(file, 'utf8'));
    } catch (e) {
      failed = true;
      badFiles++;
      console.log(`FAIL ${rel}: tokenising threw: ${e.message}`);
      continue;
    }
    const problems = checkTokens(result);
    const s = summarize(result.tokens);
    totalLines += result.lines.length;
    totalTokens += result.tokens.length;
    const stats = `${result.lines.length} lines, ${result.tokens.length} tokens, ${s.decls} declarations, ${s.props} properties, ${s.strings} strings`;
    if (problems.length) {
      failed = true;
      badFiles++;
      console.log(`FAIL ${rel}: ${stats}; ${problems.length} problem(s)`);
      for (const p of problems.slice(0, MAX_REPORTED)) console.log(`  ${rel}:${p}`);
      if (problems.length > MAX_REPORTED) console.log(`  ... and ${problems.length - MAX_REPORTED} more`);
    } else {
      console.log(`ok   ${rel}: ${stats}, 0 unscoped`);
    }
  }
  console.log(
    `${failed ? 'FAIL' : 'ok  '} ${files.length} files, ${totalLines} lines, ${totalTokens} tokens; ${badFiles} file(s) with problems`
  );
  process.exit(failed ? 1 : 0);
}

main().catch((e) => fail(e.stack || String(e)));
