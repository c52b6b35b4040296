-- Headless check of the Neovim plugin against a vern language server:
--
--   VERN=/path/to/vern nvim --headless --clean -u editors/neovim/headless_check.lua FILE.vern
--
-- Puts the plugin (this directory) on the runtimepath, calls require('vern').setup({ cmd = { $VERN, 'lsp' } }),
-- lets filetype detection start the client for FILE.vern, waits up to 15 s (VERN_TIMEOUT_MS overrides) for
-- the server's first textDocument/publishDiagnostics for the file, and writes to stdout one line per
-- diagnostic, sorted by position:
--
--   LINE:COL SEVERITY CODE MESSAGE
--
-- LINE and COL are 1-based (COL counts bytes, as Neovim does; LSP positions count UTF-16 units, so they
-- differ after non-ASCII text on the line). SEVERITY is error, warning, info or hint. CODE is the
-- diagnostic's `code`, or `-` when it has none. A newline in MESSAGE is written as `\n`. Then `DONE n` and
-- exit 0. A file without findings gives just `DONE 0`, provided the server publishes an empty list.
-- On timeout: `TIMEOUT`, exit 1. If the server cannot be started or exits early: `ERROR reason`, exit 1.
-- print() goes to stderr in headless mode, so output is written with io.stdout:write.

local TIMEOUT_MS = tonumber(os.getenv('VERN_TIMEOUT_MS') or '') or 15000
-- After the first publish for the file, wait this long for a later one (a server may publish twice,
-- e.g. syntax first and then the full check).
local SETTLE_MS = 300

local function out(line)
  io.stdout:write(line, '\n')
  io.stdout:flush()
end

local function finish(code)
  vim.cmd(code == 0 and 'qa!' or ('cquit ' .. code))
end

-- A check must not trip over (or leave) swap files when the file is open elsewhere.
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
vim.opt.runtimepath:prepend(here)

local vern_cmd = os.getenv('VERN')
if vern_cmd == nil or vern_cmd == '' then
  vern_cmd = 'vern'
end

-- Record publishDiagnostics for every URI. Wrapping the global handler works on 0.7 and on current
-- releases: clients look handlers up at call time.
local published = {} -- uri -> { count = n, at = hrtime_ms }
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  local r = default_handler(err, result, ctx, config)
  if result and result.uri then
    local p = published[result.uri] or { count = 0 }
    p.count = p.count + 1
    p.at = vim.loop.hrtime() / 1e6
    published[result.uri] = p
  end
  return r
end

local server_exit -- set when the vern client's server exits (bad path, crash, wrong arguments)
local vern = require('vern')
vern.setup({
  cmd = { vern_cmd, 'lsp' },
  on_exit = function(code, signal)
    server_exit = { code = code, signal = signal }
  end,
})

local SEVERITY = { 'error', 'warning', 'info', 'hint' }

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local name = vim.api.nvim_buf_get_name(buf)
    if name == '' then
      out('ERROR usage: VERN=/path/to/vern nvim --headless --clean -u ' .. here .. '/headless_check.lua FILE.vern')
      return finish(1)
    end
    if vim.bo[buf].filetype ~= 'vern' then
      out('ERROR ' .. name .. ': filetype is "' .. vim.bo[buf].filetype .. '", not vern (ftdetect not loaded?)')
      return finish(1)
    end
    if vim.fn.executable(vern_cmd) ~= 1 then
      out('ERROR ' .. vern_cmd .. ' is not executable (set VERN=/path/to/vern)')
      return finish(1)
    end

    local uri = vim.uri_from_bufnr(buf)
    local start = vim.loop.hrtime() / 1e6
    local ok = vim.wait(TIMEOUT_MS, function()
      if server_exit then
        return true
      end
      local p = published[uri]
      return p ~= nil and (vim.loop.hrtime() / 1e6 - p.at) >= SETTLE_MS
    end, 20)

    if not published[uri] then
      if server_exit then
        out(('ERROR the server exited (code %s, signal %s) before publishing diagnostics'):format(
          tostring(server_exit.code), tostring(server_exit.signal)))
      elseif not ok then
        out('TIMEOUT')
      end
      return finish(1)
    end

    local diags = vim.diagnostic.get(buf)
    table.sort(diags, function(a, b)
      if a.lnum ~= b.lnum then
        return a.lnum < b.lnum
      end
      if a.col ~= b.col then
        return a.col < b.col
      end
      return (a.severity or 1) < (b.severity or 1)
    end)
    for _, d in ipairs(diags) do
      local code = d.code
      if code == nil and d.user_data and d.user_data.lsp then
        code = d.user_data.lsp.code
      end
      local message = tostring(d.message or ''):gsub('\r?\n', '\\n')
      out(('%d:%d %s %s %s'):format(
        d.lnum + 1,
        d.col + 1,
        SEVERITY[d.severity] or tostring(d.severity),
        code ~= nil and tostring(code) or '-',
        message
      ))
    end
    out('DONE ' .. #diags)
    io.stderr:write(('vern headless check: nvim %s, %d diagnostic(s) in %d ms\n'):format(
      tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), #diags, math.floor(vim.loop.hrtime() / 1e6 - start)))
    vern.stop()
    vim.wait(1000, function()
      local get = vim.lsp.get_clients or vim.lsp.get_active_clients
      return #vim.tbl_filter(function(c) return c.name == 'vern' end, get()) == 0
    end, 20)
    finish(0)
  end,
})
