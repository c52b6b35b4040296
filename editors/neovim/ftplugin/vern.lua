-- Buffer settings for vern files.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

vim.bo.commentstring = '// %s'
vim.bo.comments = 's1:/*,mb:*,ex:*/,://'
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.autoindent = true
vim.bo.smartindent = true -- indent after `{`, dedent a line starting with `}`
vim.bo.suffixesadd = '.vern' -- `gf` on "nordlys/recipients" in `use "..."`
vim.opt_local.iskeyword:append('-') -- `legitimate-interest` is one word (`w`, `*`, completion)
vim.opt_local.formatoptions:remove('t')
vim.opt_local.formatoptions:append('croql')

vim.b.undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< autoindent<'
  .. ' smartindent< suffixesadd< iskeyword< formatoptions<'
