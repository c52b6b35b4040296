" vern policy files. Vimscript rather than Lua so that every Neovim (and Vim) sources it.
autocmd BufRead,BufNewFile *.vern setfiletype vern
