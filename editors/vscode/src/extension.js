// The vern extension: starts `vern lsp` (the language server in the vern binary) over stdio.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, State } = require('vscode-languageclient/node');

const CLIENT_ID = 'vern'; // also the prefix of the `vern.trace.server` setting the client reads
const CLIENT_NAME = 'vern language server';

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let outputChannel;

// `vern.path`, with `~` and `${workspaceFolder}` expanded. A bare name is left for the OS to find on PATH.
function serverCommand() {
  const config = vscode.workspace.getConfiguration('vern');
  let command = (config.get('path') || 'vern').trim() || 'vern';
  if (command === '~' || command.startsWith('~/')) {
    command = path.join(os.homedir(), command.slice(1));
  }
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder) {
    command = command.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
  }
  if (command.includes(path.sep) && !path.isAbsolute(command) && folder) {
    command = path.resolve(folder.uri.fsPath, command);
  }
  return command;
}

// Whether `command` names an executable file, directly or through PATH (and PATHEXT on Windows).
function findExecutable(command) {
  const isFile = (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  const exts = process.platform === 'win32' ? ['', ...(process.env.PATHEXT || '.EXE;.CMD;.BAT').split(';')] : [''];
  const candidates = path.isAbsolute(command) || command.includes('/') || command.includes(path.sep)
    ? [command]
    : (process.env.PATH || '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, command));
  for (const c of candidates) {
    for (const ext of exts) {
      if (isFile(c + ext)) return c + ext;
    }
  }
  return undefined;
}

function createClient(command) {
  // No `transport` field: the server is spoken to over stdin/stdout all the same, but
  // vscode-languageclient would otherwise append `--stdio` to the arguments.
  const executable = { command, args: ['lsp'] };
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = { run: executable, debug: executable };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'vern' },
      { scheme: 'untitled', language: 'vern' },
    ],
    synchronize: {
      // vern.toml holds the rule levels; other .vern files may be `use`d by the open one.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/vern.toml'),
        vscode.workspace.createFileSystemWatcher('**/*.vern'),
      ],
    },
    outputChannel,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function start() {
  const command = serverCommand();
  if (!findExecutable(command)) {
    const message = `vern: cannot start the language server: \`${command}\` was not found. Install vern, or set "vern.path" to the vern binary.`;
    outputChannel.appendLine(`[vern] ${message}`);
    vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
      if (choice === 'Open Settings') {
        vscode.commands.executeCommand('workbench.action.openSettings', 'vern.path');
      }
    });
    return;
  }
  client = createClient(command);
  try {
    await client.start();
  } catch (err) {
    // The client has already reported the failure (notification and output channel).
    outputChannel.appendLine(`[vern] \`${command} lsp\` failed to start: ${err && err.message ? err.message : err}`);
  }
}

async function stop() {
  if (!client) return;
  const old = client;
  client = undefined;
  try {
    if (old.state === State.Running || old.state === State.Starting) {
      await old.stop();
    }
    await old.dispose();
  } catch (err) {
    outputChannel.appendLine(`[vern] stopping the server: ${err && err.message ? err.message : err}`);
  }
}

async function restart() {
  await stop();
  await start();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand('vern.restartServer', async () => {
      await restart();
      if (client && client.state === State.Running) {
        vscode.window.setStatusBarMessage('vern: language server restarted', 3000);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('vern.path')) {
        restart();
      }
    })
  );

  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
