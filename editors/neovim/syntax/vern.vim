" Vim syntax file for vern, the privacy-policy-as-code language (docs/language.md).
" Regex highlighting only; the language server adds diagnostics.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syntax case match
" Identifiers are letters, digits and `_` in `-`-separated parts: `-` is a word character.
syntax iskeyword @,48-57,_,192-255,-

" ---- values (also used inside property lines) -----------------------------------------------------------
syntax match vernIdentifier /\<\a\k*/ contains=NONE
syntax match vernQualified /\<std\.\a\k*/ contains=vernStd
syntax match vernStd /\<std\ze\./ contained
syntax match vernConnector /\<\%(up-to\|is\|after\|until\|as\|under\|for\|to\|via\|or\|when\)\>/
syntax match vernConnector /+/
syntax match vernLang /\<\%(nb\|nn\|en\|sv\|da\|fi\|de\)\>/
syntax match vernNumber /\<\d\+\>/
syntax match vernDuration /\<\%(\d\+\%(mo\|y\|w\|d\)\)\+\>/
syntax match vernDate /\<\d\{4}-\d\d-\d\d\>/
" GDPR Art. 6 legal bases.
syntax match vernBasis /\<\%(consent\|contract\|legal-obligation\|vital-interests\|public-task\|legitimate-interest\)\>/
" Transfer frameworks struck down by the CJEU: no longer valid safeguards.
syntax match vernDeprecated /\<\%(privacy-shield\|safe-harbor\)\>/
syntax match vernNone /\<none\>/
syntax match vernDelimiter /[{},;]/

syntax match vernEscape /\\\%(["\\nt]\|u{\x\{1,6}}\)/ contained
syntax match vernBadEscape /\\\%(["\\nt]\|u{\x\{1,6}}\)\@!./ contained
syntax region vernString start=/"/ skip=/\\\\\|\\"/ end=/"/ contains=vernEscape,vernBadEscape

syntax keyword vernTodo TODO FIXME XXX NOTE contained
" excludenl: the comment does not take the end of line, so a property line containing it still ends there.
syntax match vernLineComment excludenl +//.*$+ contains=vernTodo,@Spell
syntax region vernBlockComment start=+/\*+ end=+\*/+ contains=vernTodo,@Spell fold

syntax cluster vernValues contains=vernIdentifier,vernQualified,vernConnector,vernLang,vernNumber,vernDuration,vernDate,vernBasis,vernDeprecated,vernNone,vernDelimiter,vernString,vernLineComment,vernBlockComment

" ---- property lines: KEY ATOMS* [{] on an indented line or after `;` ------------------------------------
" A translation on its own line (`en "..."`) is not a key. A line ending in a comma continues the list on
" the next line (the end pattern's look-behind), so the next line's first word is a value, not a key.
syntax region vernPropertyLine
      \ matchgroup=vernProperty
      \ start=/^\s\+\%(\%(nb\|nn\|en\|sv\|da\|fi\|de\)\s\+"\)\@!\a\k*/
      \ start=/;\@<=\s*\a\k*/
      \ end=/\%(,\s*\%(\/\/.*\)\=\)\@<!$/ end=/;\@=/
      \ contains=@vernValues

" ---- declarations: KIND [NAME] at the start of a line ----------------------------------------------------
syntax match vernUse /^use\>/
syntax match vernDeclKeyword
      \ /^\%(policy\|controller\|data\|subject\|purpose\|recipient-kind\|recipient\|cookie-kind\|cookie\|rights\|right\|basis\|role\|vendor\|safeguard\|country\|region\|statute\|event\|mechanism\|channel\|authority\|term\|phrases\|legal-event\|joint\|forbid\|require\)\>/
      \ nextgroup=vernDeclName skipwhite
syntax match vernDeclName
      \ /\<\%(\%(up-to\|is\|after\|until\|as\|under\|for\|to\|via\|or\|when\|nb\|nn\|en\|sv\|da\|fi\|de\)\>\)\@!\a\k*/
      \ contained

syntax sync minlines=50

highlight default link vernDeclKeyword Keyword
highlight default link vernUse Include
highlight default link vernDeclName Function
highlight default link vernProperty Identifier
highlight default link vernIdentifier Normal
highlight default link vernStd Include
highlight default link vernQualified Normal
highlight default link vernConnector Operator
highlight default link vernLang Special
highlight default link vernNumber Number
highlight default link vernDuration Number
highlight default link vernDate Constant
highlight default link vernBasis Constant
highlight default link vernNone Constant
highlight default link vernDeprecated WarningMsg
highlight default link vernDelimiter Delimiter
highlight default link vernString String
highlight default link vernEscape SpecialChar
highlight default link vernBadEscape Error
highlight default link vernLineComment Comment
highlight default link vernBlockComment Comment
highlight default link vernTodo Todo

let b:current_syntax = 'vern'

let &cpo = s:cpo_save
unlet s:cpo_save
