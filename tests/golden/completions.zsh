#compdef rolecmp

autoload -U is-at-least

_rolecmp() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_rolecmp_commands" \
"*::: :->rolecmp" \
&& ret=0
    case $state in
    (rolecmp)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:rolecmp-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'-f+[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--format=[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--heading-level=[Markdown\: the level of the title'\''s heading, sections one level below; 2 puts a page under a document'\''s own title (\`##\`), so that it can be appended to it. Default\: 1, or 2 when the output is appended to a file that already holds text (\`>> roles.md\`)]:N:_default' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::kind -- What to list:((roles\:"Roles, with their aliases and where each was loaded from"
industries\:"Industries that have examples"
areas\:"Responsibility areas"
sources\:"Sources that facts cite"
glossary\:"Abbreviations and what they stand for; search finds either form"
codes\:"Occupation codes across roles (O*NET-SOC, ISCO-08, ESCO, UK SOC 2020, ANZSCO), one row per role and code, each saying how its source links the role to the code"))' \
&& ret=0
;;
(matrix)
_arguments "${_arguments_options[@]}" : \
'-f+[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--format=[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--heading-level=[Markdown\: the level of the title'\''s heading, sections one level below; 2 puts a page under a document'\''s own title (\`##\`), so that it can be appended to it. Default\: 1, or 2 when the output is appended to a file that already holds text (\`>> roles.md\`)]:N:_default' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'()--all[Every role as a column, those the sources name in no area too]' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::roles -- Roles to show as columns\: ids, titles or aliases (default\: every role the sources name in at least one area):_default' \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
'-f+[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--format=[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--heading-level=[Markdown\: the level of the title'\''s heading, sections one level below; 2 puts a page under a document'\''s own title (\`##\`), so that it can be appended to it. Default\: 1, or 2 when the output is appended to a file that already holds text (\`>> roles.md\`)]:N:_default' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::paths -- Files or folders to check over the built-in knowledge base (default\: everything that would be loaded):_files' \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::kind -- Which file the schema is for:((role\:"A role file, \`<id>.yaml\`"
sources\:"\`sources.yaml\`"
vocabulary\:"\`industries.yaml\`, \`areas.yaml\`, \`glossary.yaml\`, \`occupations.yaml\` or \`search.yaml\`"))' \
&& ret=0
;;
(init)
_arguments "${_arguments_options[@]}" : \
'--dir=[Folder to write the file in; created when missing]:DIR:_files' \
'--from=[Start from a copy of this role (id, title or alias; builtin\:ID for the role as shipped), every fact keeping its citations]:ROLE:_default' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':id -- Id of the new role; also its file name (lower-case letters, digits, dashes):_default' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':shell -- The shell to write the script for:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::command -- The command whose page to print (rolecmp-COMMAND(1)):(list show compare matrix search graph validate schema init completions man)' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'*-s+[Only these sections, every fact of each (comma-separated or repeated)]:SECTION:((headlines\:"Short cited answers, one per dimension\: what the default view shows"
matrix\:"Who the sources involve in each responsibility area (leads, shares, not named)"
summary\:"Definition and overview of the role"
focus\:"Primary focus\: technology, information, data, ..."
nature\:"Strategic or operational nature of the work"
facing\:"Internal or external orientation\: who uses what the role owns"
responsibilities\:"Responsibility areas and what each involves"
reporting\:"To whom the role reports, with every variant the sources name"
background\:"Background and qualifications"
codes\:"Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)"
labour-market\:"Pay, jobs and entry requirements of the occupations the role'\''s codes link to"
industries\:"Examples of the role'\''s duties by industry"
collaboration\:"Where the role overlaps and works with other roles"
disputes\:"Questions on which the sources disagree"
sources\:"The sources cited"))' \
'*--section=[Only these sections, every fact of each (comma-separated or repeated)]:SECTION:((headlines\:"Short cited answers, one per dimension\: what the default view shows"
matrix\:"Who the sources involve in each responsibility area (leads, shares, not named)"
summary\:"Definition and overview of the role"
focus\:"Primary focus\: technology, information, data, ..."
nature\:"Strategic or operational nature of the work"
facing\:"Internal or external orientation\: who uses what the role owns"
responsibilities\:"Responsibility areas and what each involves"
reporting\:"To whom the role reports, with every variant the sources name"
background\:"Background and qualifications"
codes\:"Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)"
labour-market\:"Pay, jobs and entry requirements of the occupations the role'\''s codes link to"
industries\:"Examples of the role'\''s duties by industry"
collaboration\:"Where the role overlaps and works with other roles"
disputes\:"Questions on which the sources disagree"
sources\:"The sources cited"))' \
'--origin=[Only the facts of one layer\: those the built-in role does not have (company) or does have too (builtin)]:ORIGIN:((company\:"Facts the built-in role does not have\: what the company'\''s files added or changed"
builtin\:"Facts the built-in role has too\: what is kept of the reference"))' \
'-f+[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--format=[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--heading-level=[Markdown\: the level of the title'\''s heading, sections one level below; 2 puts a page under a document'\''s own title (\`##\`), so that it can be appended to it. Default\: 1, or 2 when the output is appended to a file that already holds text (\`>> roles.md\`)]:N:_default' \
'-i+[Only this industry'\''s examples (id, label or prefix\: healthcare, e-commerce, financial)]:INDUSTRY:((ecommerce\:"E-commerce"
financial-services\:"Financial services"
government\:"Government and public sector"
healthcare\:"Healthcare"
manufacturing\:"Manufacturing"))' \
'--industry=[Only this industry'\''s examples (id, label or prefix\: healthcare, e-commerce, financial)]:INDUSTRY:((ecommerce\:"E-commerce"
financial-services\:"Financial services"
government\:"Government and public sector"
healthcare\:"Healthcare"
manufacturing\:"Manufacturing"))' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'(-s --section)--full[Every fact of every section, instead of the one-screen view]' \
'--evidence[Print each fact with its evidence\: the words of its sources it rests on, quoted (JSON and YAML always carry them)]' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':role -- The role\: id, title or alias, in any case (cto, CIO, "Chief Information Officer"); builtin\:ID for the role as shipped, whatever is layered over it:((ceo\:"Chief Executive Officer"
cfo\:"Chief Financial Officer"
chief-data-officer\:"Chief Data Officer"
chief-digital-officer\:"Chief Digital Officer"
cio\:"Chief Information Officer"
ciso\:"Chief Information Security Officer"
cto\:"Chief Technology Officer"
it-director\:"Information Technology Director"))' \
&& ret=0
;;
(compare)
_arguments "${_arguments_options[@]}" : \
'*--label=[What to call a role'\''s column, in the order of the roles (repeatable)\: "Acme CIO". By default a role'\''s short name; against its built-in version, "Company CIO" and "Reference CIO"]:TEXT:_default' \
'*-s+[Only these sections, every fact of each (comma-separated or repeated)]:SECTION:((headlines\:"Short cited answers, one per dimension\: what the default view shows"
matrix\:"Who the sources involve in each responsibility area (leads, shares, not named)"
summary\:"Definition and overview of the role"
focus\:"Primary focus\: technology, information, data, ..."
nature\:"Strategic or operational nature of the work"
facing\:"Internal or external orientation\: who uses what the role owns"
responsibilities\:"Responsibility areas and what each involves"
reporting\:"To whom the role reports, with every variant the sources name"
background\:"Background and qualifications"
codes\:"Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)"
labour-market\:"Pay, jobs and entry requirements of the occupations the role'\''s codes link to"
industries\:"Examples of the role'\''s duties by industry"
collaboration\:"Where the role overlaps and works with other roles"
disputes\:"Questions on which the sources disagree"
sources\:"The sources cited"))' \
'*--section=[Only these sections, every fact of each (comma-separated or repeated)]:SECTION:((headlines\:"Short cited answers, one per dimension\: what the default view shows"
matrix\:"Who the sources involve in each responsibility area (leads, shares, not named)"
summary\:"Definition and overview of the role"
focus\:"Primary focus\: technology, information, data, ..."
nature\:"Strategic or operational nature of the work"
facing\:"Internal or external orientation\: who uses what the role owns"
responsibilities\:"Responsibility areas and what each involves"
reporting\:"To whom the role reports, with every variant the sources name"
background\:"Background and qualifications"
codes\:"Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)"
labour-market\:"Pay, jobs and entry requirements of the occupations the role'\''s codes link to"
industries\:"Examples of the role'\''s duties by industry"
collaboration\:"Where the role overlaps and works with other roles"
disputes\:"Questions on which the sources disagree"
sources\:"The sources cited"))' \
'-f+[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--format=[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--heading-level=[Markdown\: the level of the title'\''s heading, sections one level below; 2 puts a page under a document'\''s own title (\`##\`), so that it can be appended to it. Default\: 1, or 2 when the output is appended to a file that already holds text (\`>> roles.md\`)]:N:_default' \
'-i+[Only this industry'\''s examples (id, label or prefix\: healthcare, e-commerce, financial)]:INDUSTRY:((ecommerce\:"E-commerce"
financial-services\:"Financial services"
government\:"Government and public sector"
healthcare\:"Healthcare"
manufacturing\:"Manufacturing"))' \
'--industry=[Only this industry'\''s examples (id, label or prefix\: healthcare, e-commerce, financial)]:INDUSTRY:((ecommerce\:"E-commerce"
financial-services\:"Financial services"
government\:"Government and public sector"
healthcare\:"Healthcare"
manufacturing\:"Manufacturing"))' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--differences-only[Only the rows, matrix areas and disagreements where the roles differ\: what a charter changes against the reference]' \
'--changes-only[Only the rows, matrix areas and disagreements where the roles differ\: what a charter changes against the reference]' \
'(-s --section)--full[Every fact of every section, instead of the one-screen view]' \
'--evidence[Print each fact with its evidence\: the words of its sources it rests on, quoted (JSON and YAML always carry them)]' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::roles -- The roles to compare\: ids, titles or aliases, each role once; builtin\:ID for a role as shipped (a company charter against the reference\: cio builtin\:cio):((ceo\:"Chief Executive Officer"
cfo\:"Chief Financial Officer"
chief-data-officer\:"Chief Data Officer"
chief-digital-officer\:"Chief Digital Officer"
cio\:"Chief Information Officer"
ciso\:"Chief Information Security Officer"
cto\:"Chief Technology Officer"
it-director\:"Information Technology Director"))' \
&& ret=0
;;
(search)
_arguments "${_arguments_options[@]}" : \
'*-s+[Only these sections (comma-separated or repeated)]:SECTION:((headlines\:"Short cited answers, one per dimension\: what the default view shows"
summary\:"Definition and overview of the role"
focus\:"Primary focus\: technology, information, data, ..."
nature\:"Strategic or operational nature of the work"
facing\:"Internal or external orientation\: who uses what the role owns"
responsibilities\:"Responsibility areas and what each involves"
reporting\:"To whom the role reports, with every variant the sources name"
background\:"Background and qualifications"
codes\:"Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)"
industries\:"Examples of the role'\''s duties by industry"
collaboration\:"Where the role overlaps and works with other roles"
disputes\:"Questions on which the sources disagree"))' \
'*--section=[Only these sections (comma-separated or repeated)]:SECTION:((headlines\:"Short cited answers, one per dimension\: what the default view shows"
summary\:"Definition and overview of the role"
focus\:"Primary focus\: technology, information, data, ..."
nature\:"Strategic or operational nature of the work"
facing\:"Internal or external orientation\: who uses what the role owns"
responsibilities\:"Responsibility areas and what each involves"
reporting\:"To whom the role reports, with every variant the sources name"
background\:"Background and qualifications"
codes\:"Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)"
industries\:"Examples of the role'\''s duties by industry"
collaboration\:"Where the role overlaps and works with other roles"
disputes\:"Questions on which the sources disagree"))' \
'-f+[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--format=[Output format]:FORMAT:((table\:"Tables for reading in a terminal, wrapped to its width"
markdown\:"GitHub-flavoured Markdown, for documents and wikis"
json\:"Pretty JSON with the sources of every fact, for scripts"
csv\:"CSV (RFC 4180)\: one header row, then one row per fact or entry, for spreadsheets"
yaml\:"YAML with the same fields as JSON"))' \
'--heading-level=[Markdown\: the level of the title'\''s heading, sections one level below; 2 puts a page under a document'\''s own title (\`##\`), so that it can be appended to it. Default\: 1, or 2 when the output is appended to a file that already holds text (\`>> roles.md\`)]:N:_default' \
'*-r+[Only these roles (ids, titles or aliases; comma-separated or repeated)]:ROLE:((ceo\:"Chief Executive Officer"
cfo\:"Chief Financial Officer"
chief-data-officer\:"Chief Data Officer"
chief-digital-officer\:"Chief Digital Officer"
cio\:"Chief Information Officer"
ciso\:"Chief Information Security Officer"
cto\:"Chief Technology Officer"
it-director\:"Information Technology Director"))' \
'*--role=[Only these roles (ids, titles or aliases; comma-separated or repeated)]:ROLE:((ceo\:"Chief Executive Officer"
cfo\:"Chief Financial Officer"
chief-data-officer\:"Chief Data Officer"
chief-digital-officer\:"Chief Digital Officer"
cio\:"Chief Information Officer"
ciso\:"Chief Information Security Officer"
cto\:"Chief Technology Officer"
it-director\:"Information Technology Director"))' \
'-i+[Only this industry'\''s examples (id, label or prefix\: healthcare, e-commerce, financial)]:INDUSTRY:((ecommerce\:"E-commerce"
financial-services\:"Financial services"
government\:"Government and public sector"
healthcare\:"Healthcare"
manufacturing\:"Manufacturing"))' \
'--industry=[Only this industry'\''s examples (id, label or prefix\: healthcare, e-commerce, financial)]:INDUSTRY:((ecommerce\:"E-commerce"
financial-services\:"Financial services"
government\:"Government and public sector"
healthcare\:"Healthcare"
manufacturing\:"Manufacturing"))' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::words -- The words to look for, quoted or not; a phrase in quote marks must come in sequence:_default' \
&& ret=0
;;
(graph)
_arguments "${_arguments_options[@]}" : \
'-f+[Output format]:FORMAT:((mermaid\:"Mermaid flowchart, which GitHub draws inside a mermaid code block"
dot\:"Graphviz DOT, for \`dot -Tsvg\`"
table\:"The lines as a table, for reading in a terminal"
markdown\:"A fenced mermaid block and its legend as a list, to paste into a Markdown page"
json\:"Pretty JSON\: roles, lines and their claims"
csv\:"CSV\: one row per claim"
yaml\:"YAML with the same fields as JSON"))' \
'--format=[Output format]:FORMAT:((mermaid\:"Mermaid flowchart, which GitHub draws inside a mermaid code block"
dot\:"Graphviz DOT, for \`dot -Tsvg\`"
table\:"The lines as a table, for reading in a terminal"
markdown\:"A fenced mermaid block and its legend as a list, to paste into a Markdown page"
json\:"Pretty JSON\: roles, lines and their claims"
csv\:"CSV\: one row per claim"
yaml\:"YAML with the same fields as JSON"))' \
'--color=[When to colour titles, headings and role names in tables]:COLOR:((auto\:"Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it"
always\:"Colour even in pipes and files"
never\:"Never colour"))' \
'--width=[Width of tables in columns, at least 20 (default\: COLUMNS, else the terminal'\''s, else 100)]:N:_default' \
'*--data=[Load role files from this file or folder over the others (repeatable; later wins)]:PATH:_files' \
'--no-pager[Never page output. Otherwise output taller than a terminal goes through \$ROLECMP_PAGER, else \$PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too]' \
'--raw-csv[CSV\: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a '\'' in front, so that spreadsheets do not run it as a formula]' \
'--no-builtin[Do not load the built-in knowledge base\: only the user'\''s data]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::roles -- Roles whose lines to draw, to and from them (default\: every role); builtin\:ID for a role as shipped:((ceo\:"Chief Executive Officer"
cfo\:"Chief Financial Officer"
chief-data-officer\:"Chief Data Officer"
chief-digital-officer\:"Chief Digital Officer"
cio\:"Chief Information Officer"
ciso\:"Chief Information Security Officer"
cto\:"Chief Technology Officer"
it-director\:"Information Technology Director"))' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_rolecmp__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:rolecmp-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(matrix)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(validate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(init)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(compare)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(search)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(graph)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_rolecmp_commands] )) ||
_rolecmp_commands() {
    local commands; commands=(
'list:List roles, industries, responsibility areas, sources, glossary terms or the occupation codes of every role' \
'matrix:Show how the sources involve each role in each responsibility area' \
'validate:Check data files and report every problem with its file, line and column' \
'schema:Print the JSON Schema of a data file, for editor completion and CI' \
'init:Write a role file to start from, a template or a copy of a role (never overwrites)' \
'completions:Print a shell completion script (role ids and industries included)' \
'man:Print a man page (roff)\: rolecmp'\''s own, or a command'\''s' \
'show:Show one role\: at a glance by default, --full for every fact, or parts of it' \
'compare:Compare two or more roles side by side\: one screen by default, --full for every fact' \
'search:Find the facts that answer a question or hold every word of a query, best first' \
'graph:Draw the reporting lines between roles, with every variant the sources name' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'rolecmp commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__compare_commands] )) ||
_rolecmp__subcmd__compare_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp compare commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__completions_commands] )) ||
_rolecmp__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp completions commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__graph_commands] )) ||
_rolecmp__subcmd__graph_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp graph commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help_commands] )) ||
_rolecmp__subcmd__help_commands() {
    local commands; commands=(
'list:List roles, industries, responsibility areas, sources, glossary terms or the occupation codes of every role' \
'matrix:Show how the sources involve each role in each responsibility area' \
'validate:Check data files and report every problem with its file, line and column' \
'schema:Print the JSON Schema of a data file, for editor completion and CI' \
'init:Write a role file to start from, a template or a copy of a role (never overwrites)' \
'completions:Print a shell completion script (role ids and industries included)' \
'man:Print a man page (roff)\: rolecmp'\''s own, or a command'\''s' \
'show:Show one role\: at a glance by default, --full for every fact, or parts of it' \
'compare:Compare two or more roles side by side\: one screen by default, --full for every fact' \
'search:Find the facts that answer a question or hold every word of a query, best first' \
'graph:Draw the reporting lines between roles, with every variant the sources name' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'rolecmp help commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__compare_commands] )) ||
_rolecmp__subcmd__help__subcmd__compare_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help compare commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__completions_commands] )) ||
_rolecmp__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help completions commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__graph_commands] )) ||
_rolecmp__subcmd__help__subcmd__graph_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help graph commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__help_commands] )) ||
_rolecmp__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help help commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__init_commands] )) ||
_rolecmp__subcmd__help__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help init commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__list_commands] )) ||
_rolecmp__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help list commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__man_commands] )) ||
_rolecmp__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help man commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__matrix_commands] )) ||
_rolecmp__subcmd__help__subcmd__matrix_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help matrix commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__schema_commands] )) ||
_rolecmp__subcmd__help__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help schema commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__search_commands] )) ||
_rolecmp__subcmd__help__subcmd__search_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help search commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__show_commands] )) ||
_rolecmp__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help show commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__help__subcmd__validate_commands] )) ||
_rolecmp__subcmd__help__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp help validate commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__init_commands] )) ||
_rolecmp__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp init commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__list_commands] )) ||
_rolecmp__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp list commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__man_commands] )) ||
_rolecmp__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp man commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__matrix_commands] )) ||
_rolecmp__subcmd__matrix_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp matrix commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__schema_commands] )) ||
_rolecmp__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp schema commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__search_commands] )) ||
_rolecmp__subcmd__search_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp search commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__show_commands] )) ||
_rolecmp__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp show commands' commands "$@"
}
(( $+functions[_rolecmp__subcmd__validate_commands] )) ||
_rolecmp__subcmd__validate_commands() {
    local commands; commands=()
    _describe -t commands 'rolecmp validate commands' commands "$@"
}

if [ "$funcstack[1]" = "_rolecmp" ]; then
    _rolecmp "$@"
else
    compdef _rolecmp rolecmp
fi
