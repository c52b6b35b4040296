-- vern for Neovim: starts the vern language server (`vern lsp`, LSP over stdio) for vern buffers.
--
--   require('vern').setup({ cmd = { 'vern', 'lsp' } })
--
-- Works on Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client) and on 0.8+ (vim.lsp.start).
-- One client per project root: the nearest directory above the file with vern.toml or .git, else the
-- file's own directory.

local M = {}

local defaults = {
  -- The server command. `vern` must be on PATH, or give its full path.
  cmd = { 'vern', 'lsp' },
  -- Files or directories that mark the project root, nearest first.
  root_markers = { 'vern.toml', '.git' },
  -- Passed through to the client config when set.
  on_attach = nil,
  on_exit = nil,
  capabilities = nil,
  settings = nil,
  init_options = nil,
  handlers = nil,
  -- Start the server when a vern buffer is opened.
  autostart = true,
}

M.config = vim.deepcopy(defaults)

-- root_dir -> client id, for Neovim < 0.8 (vim.lsp.start reuses clients by itself).
local clients_by_root = {}

local uv = vim.loop

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ':h')
end

--- The nearest directory at or above `path`'s directory that holds one of `markers`, else the file's
--- own directory (or the current directory for a buffer with no name).
function M.root_dir(path, markers)
  markers = markers or M.config.root_markers
  if path == nil or path == '' then
    return uv.cwd()
  end
  path = vim.fn.fnamemodify(path, ':p')
  local start = dirname(path)
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if exists(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = dirname(dir)
    if parent == dir then
      break
    end
    dir = parent
  end
  return start
end

local function client_config(root)
  local cfg = {
    name = 'vern',
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = {
      { uri = vim.uri_from_fname(root), name = root },
    },
    on_attach = M.config.on_attach,
    on_exit = M.config.on_exit,
    capabilities = M.config.capabilities,
    settings = M.config.settings,
    init_options = M.config.init_options,
    handlers = M.config.handlers,
  }
  return cfg
end

local function client_alive(id)
  local client = id and vim.lsp.get_client_by_id(id)
  return client ~= nil and not client.is_stopped()
end

local function notify(msg, level)
  vim.schedule(function()
    vim.notify('vern: ' .. msg, level or vim.log.levels.ERROR)
  end)
end

--- Starts (or reuses) the vern client for `bufnr` and attaches it. Returns the client id, or nil.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return nil
  end
  local exe = M.config.cmd[1]
  if vim.fn.executable(exe) ~= 1 then
    notify(('cannot start the language server: `%s` is not executable (set cmd in require("vern").setup)'):format(exe))
    return nil
  end
  local root = M.root_dir(vim.api.nvim_buf_get_name(bufnr))
  local cfg = client_config(root)

  if vim.lsp.start then
    -- Neovim 0.8+: reuses a running client with the same name and root_dir.
    return vim.lsp.start(cfg, { bufnr = bufnr })
  end

  -- Neovim 0.7
  local id = clients_by_root[root]
  if not client_alive(id) then
    id = vim.lsp.start_client(cfg)
    if not id then
      notify('the language server failed to start: ' .. table.concat(M.config.cmd, ' '))
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Stops every vern client.
function M.stop()
  -- vim.lsp.get_clients is 0.10+; get_active_clients is deprecated there.
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ name = 'vern' }) or vim.lsp.get_active_clients()
  for _, client in pairs(clients) do
    if client.name == 'vern' then
      vim.lsp.stop_client(client.id)
    end
  end
  clients_by_root = {}
end

--- Restarts the server for every vern buffer (for example after rebuilding vern).
function M.restart()
  local bufs = {}
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'vern' then
      table.insert(bufs, buf)
    end
  end
  M.stop()
  -- Give the old clients a moment to shut down before new ones start for the same roots.
  vim.defer_fn(function()
    for _, buf in ipairs(bufs) do
      M.start(buf)
    end
  end, 500)
end

local augroup

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  if type(M.config.cmd) == 'string' then
    M.config.cmd = { M.config.cmd, 'lsp' }
  end

  augroup = vim.api.nvim_create_augroup('vern_lsp', { clear = true })
  if M.config.autostart then
    vim.api.nvim_create_autocmd('FileType', {
      group = augroup,
      pattern = 'vern',
      callback = function(args)
        M.start(args.buf)
      end,
    })
    -- Buffers that were already open when setup() ran (lazy loading).
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'vern' then
        M.start(buf)
      end
    end
  end

  vim.api.nvim_create_user_command('VernLspStart', function()
    M.start(0)
  end, { desc = 'Start the vern language server for this buffer' })
  vim.api.nvim_create_user_command('VernLspStop', function()
    M.stop()
  end, { desc = 'Stop the vern language server' })
  vim.api.nvim_create_user_command('VernLspRestart', function()
    M.restart()
  end, { desc = 'Restart the vern language server' })
end

return M
