# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rolecmp_global_optspecs
    string join \n color= width= no-pager raw-csv data= no-builtin h/help V/version
end

function __fish_rolecmp_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rolecmp_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rolecmp_using_subcommand
    set -l cmd (__fish_rolecmp_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rolecmp -n "__fish_rolecmp_needs_command" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_needs_command" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_needs_command" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_needs_command" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -s V -l version -d 'Print version'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "list" -d 'List roles, industries, responsibility areas, sources, glossary terms or the occupation codes of every role'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "matrix" -d 'Show how the sources involve each role in each responsibility area'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "validate" -d 'Check data files and report every problem with its file, line and column'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "schema" -d 'Print the JSON Schema of a data file, for editor completion and CI'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "init" -d 'Write a role file to start from, a template or a copy of a role (never overwrites)'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "completions" -d 'Print a shell completion script (role ids and industries included)'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "man" -d 'Print a man page (roff): rolecmp\'s own, or a command\'s'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "show" -d 'Show one role: at a glance by default, --full for every fact, or parts of it'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "compare" -d 'Compare two or more roles side by side: one screen by default, --full for every fact'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "search" -d 'Find the facts that answer a question or hold every word of a query, best first'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "graph" -d 'Draw the reporting lines between roles, with every variant the sources name'
complete -c rolecmp -n "__fish_rolecmp_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -s f -l format -d 'Output format' -r -f -a "table\t'Tables for reading in a terminal, wrapped to its width'
markdown\t'GitHub-flavoured Markdown, for documents and wikis'
json\t'Pretty JSON with the sources of every fact, for scripts'
csv\t'CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets'
yaml\t'YAML with the same fields as JSON'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -l heading-level -d 'Markdown: the level of the title\'s heading, sections one level below; 2 puts a page under a document\'s own title (`##`), so that it can be appended to it. Default: 1, or 2 when the output is appended to a file that already holds text (`>> roles.md`)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -s f -l format -d 'Output format' -r -f -a "table\t'Tables for reading in a terminal, wrapped to its width'
markdown\t'GitHub-flavoured Markdown, for documents and wikis'
json\t'Pretty JSON with the sources of every fact, for scripts'
csv\t'CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets'
yaml\t'YAML with the same fields as JSON'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l heading-level -d 'Markdown: the level of the title\'s heading, sections one level below; 2 puts a page under a document\'s own title (`##`), so that it can be appended to it. Default: 1, or 2 when the output is appended to a file that already holds text (`>> roles.md`)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l all -d 'Every role as a column, those the sources name in no area too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand matrix" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -s f -l format -d 'Output format' -r -f -a "table\t'Tables for reading in a terminal, wrapped to its width'
markdown\t'GitHub-flavoured Markdown, for documents and wikis'
json\t'Pretty JSON with the sources of every fact, for scripts'
csv\t'CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets'
yaml\t'YAML with the same fields as JSON'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -l heading-level -d 'Markdown: the level of the title\'s heading, sections one level below; 2 puts a page under a document\'s own title (`##`), so that it can be appended to it. Default: 1, or 2 when the output is appended to a file that already holds text (`>> roles.md`)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand schema" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand schema" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand schema" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand schema" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand schema" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand schema" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l dir -d 'Folder to write the file in; created when missing' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l from -d 'Start from a copy of this role (id, title or alias; builtin:ID for the role as shipped), every fact keeping its citations' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand completions" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand completions" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand completions" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand completions" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand completions" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand completions" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand man" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand man" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand man" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand man" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand man" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand man" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -s s -l section -d 'Only these sections, every fact of each (comma-separated or repeated)' -r -f -a "headlines\t'Short cited answers, one per dimension: what the default view shows'
matrix\t'Who the sources involve in each responsibility area (leads, shares, not named)'
summary\t'Definition and overview of the role'
focus\t'Primary focus: technology, information, data, ...'
nature\t'Strategic or operational nature of the work'
facing\t'Internal or external orientation: who uses what the role owns'
responsibilities\t'Responsibility areas and what each involves'
reporting\t'To whom the role reports, with every variant the sources name'
background\t'Background and qualifications'
codes\t'Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)'
labour-market\t'Pay, jobs and entry requirements of the occupations the role\'s codes link to'
industries\t'Examples of the role\'s duties by industry'
collaboration\t'Where the role overlaps and works with other roles'
disputes\t'Questions on which the sources disagree'
sources\t'The sources cited'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l origin -d 'Only the facts of one layer: those the built-in role does not have (company) or does have too (builtin)' -r -f -a "company\t'Facts the built-in role does not have: what the company\'s files added or changed'
builtin\t'Facts the built-in role has too: what is kept of the reference'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -s f -l format -d 'Output format' -r -f -a "table\t'Tables for reading in a terminal, wrapped to its width'
markdown\t'GitHub-flavoured Markdown, for documents and wikis'
json\t'Pretty JSON with the sources of every fact, for scripts'
csv\t'CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets'
yaml\t'YAML with the same fields as JSON'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l heading-level -d 'Markdown: the level of the title\'s heading, sections one level below; 2 puts a page under a document\'s own title (`##`), so that it can be appended to it. Default: 1, or 2 when the output is appended to a file that already holds text (`>> roles.md`)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -s i -l industry -d 'Only this industry\'s examples (id, label or prefix: healthcare, e-commerce, financial)' -r -f -a "ecommerce\t'E-commerce'
financial-services\t'Financial services'
government\t'Government and public sector'
healthcare\t'Healthcare'
manufacturing\t'Manufacturing'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l full -d 'Every fact of every section, instead of the one-screen view'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l evidence -d 'Print each fact with its evidence: the words of its sources it rests on, quoted (JSON and YAML always carry them)'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l label -d 'What to call a role\'s column, in the order of the roles (repeatable): "Acme CIO". By default a role\'s short name; against its built-in version, "Company CIO" and "Reference CIO"' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -s s -l section -d 'Only these sections, every fact of each (comma-separated or repeated)' -r -f -a "headlines\t'Short cited answers, one per dimension: what the default view shows'
matrix\t'Who the sources involve in each responsibility area (leads, shares, not named)'
summary\t'Definition and overview of the role'
focus\t'Primary focus: technology, information, data, ...'
nature\t'Strategic or operational nature of the work'
facing\t'Internal or external orientation: who uses what the role owns'
responsibilities\t'Responsibility areas and what each involves'
reporting\t'To whom the role reports, with every variant the sources name'
background\t'Background and qualifications'
codes\t'Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)'
labour-market\t'Pay, jobs and entry requirements of the occupations the role\'s codes link to'
industries\t'Examples of the role\'s duties by industry'
collaboration\t'Where the role overlaps and works with other roles'
disputes\t'Questions on which the sources disagree'
sources\t'The sources cited'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -s f -l format -d 'Output format' -r -f -a "table\t'Tables for reading in a terminal, wrapped to its width'
markdown\t'GitHub-flavoured Markdown, for documents and wikis'
json\t'Pretty JSON with the sources of every fact, for scripts'
csv\t'CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets'
yaml\t'YAML with the same fields as JSON'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l heading-level -d 'Markdown: the level of the title\'s heading, sections one level below; 2 puts a page under a document\'s own title (`##`), so that it can be appended to it. Default: 1, or 2 when the output is appended to a file that already holds text (`>> roles.md`)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -s i -l industry -d 'Only this industry\'s examples (id, label or prefix: healthcare, e-commerce, financial)' -r -f -a "ecommerce\t'E-commerce'
financial-services\t'Financial services'
government\t'Government and public sector'
healthcare\t'Healthcare'
manufacturing\t'Manufacturing'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l differences-only -l changes-only -d 'Only the rows, matrix areas and disagreements where the roles differ: what a charter changes against the reference'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l full -d 'Every fact of every section, instead of the one-screen view'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l evidence -d 'Print each fact with its evidence: the words of its sources it rests on, quoted (JSON and YAML always carry them)'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -s s -l section -d 'Only these sections (comma-separated or repeated)' -r -f -a "headlines\t'Short cited answers, one per dimension: what the default view shows'
summary\t'Definition and overview of the role'
focus\t'Primary focus: technology, information, data, ...'
nature\t'Strategic or operational nature of the work'
facing\t'Internal or external orientation: who uses what the role owns'
responsibilities\t'Responsibility areas and what each involves'
reporting\t'To whom the role reports, with every variant the sources name'
background\t'Background and qualifications'
codes\t'Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO)'
industries\t'Examples of the role\'s duties by industry'
collaboration\t'Where the role overlaps and works with other roles'
disputes\t'Questions on which the sources disagree'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -s f -l format -d 'Output format' -r -f -a "table\t'Tables for reading in a terminal, wrapped to its width'
markdown\t'GitHub-flavoured Markdown, for documents and wikis'
json\t'Pretty JSON with the sources of every fact, for scripts'
csv\t'CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets'
yaml\t'YAML with the same fields as JSON'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -l heading-level -d 'Markdown: the level of the title\'s heading, sections one level below; 2 puts a page under a document\'s own title (`##`), so that it can be appended to it. Default: 1, or 2 when the output is appended to a file that already holds text (`>> roles.md`)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -s r -l role -d 'Only these roles (ids, titles or aliases; comma-separated or repeated)' -r -f -a "ceo\t'Chief Executive Officer'
cfo\t'Chief Financial Officer'
chief-data-officer\t'Chief Data Officer'
chief-digital-officer\t'Chief Digital Officer'
cio\t'Chief Information Officer'
ciso\t'Chief Information Security Officer'
cto\t'Chief Technology Officer'
it-director\t'Information Technology Director'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -s i -l industry -d 'Only this industry\'s examples (id, label or prefix: healthcare, e-commerce, financial)' -r -f -a "ecommerce\t'E-commerce'
financial-services\t'Financial services'
government\t'Government and public sector'
healthcare\t'Healthcare'
manufacturing\t'Manufacturing'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -s f -l format -d 'Output format' -r -f -a "mermaid\t'Mermaid flowchart, which GitHub draws inside a mermaid code block'
dot\t'Graphviz DOT, for `dot -Tsvg`'
table\t'The lines as a table, for reading in a terminal'
markdown\t'A fenced mermaid block and its legend as a list, to paste into a Markdown page'
json\t'Pretty JSON: roles, lines and their claims'
csv\t'CSV: one row per claim'
yaml\t'YAML with the same fields as JSON'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -l color -d 'When to colour titles, headings and role names in tables' -r -f -a "auto\t'Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it'
always\t'Colour even in pipes and files'
never\t'Never colour'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -l width -d 'Width of tables in columns, at least 20 (default: COLUMNS, else the terminal\'s, else 100)' -r
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -l data -d 'Load role files from this file or folder over the others (repeatable; later wins)' -r -F
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -l no-pager -d 'Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER, else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -l raw-csv -d 'CSV: write cells exactly as they are, for data pipelines. By default a cell starting with = + - or @ gets a \' in front, so that spreadsheets do not run it as a formula'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -l no-builtin -d 'Do not load the built-in knowledge base: only the user\'s data'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "list" -d 'List roles, industries, responsibility areas, sources, glossary terms or the occupation codes of every role'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "matrix" -d 'Show how the sources involve each role in each responsibility area'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "validate" -d 'Check data files and report every problem with its file, line and column'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "schema" -d 'Print the JSON Schema of a data file, for editor completion and CI'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "init" -d 'Write a role file to start from, a template or a copy of a role (never overwrites)'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "completions" -d 'Print a shell completion script (role ids and industries included)'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "man" -d 'Print a man page (roff): rolecmp\'s own, or a command\'s'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "show" -d 'Show one role: at a glance by default, --full for every fact, or parts of it'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "compare" -d 'Compare two or more roles side by side: one screen by default, --full for every fact'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "search" -d 'Find the facts that answer a question or hold every word of a query, best first'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "graph" -d 'Draw the reporting lines between roles, with every variant the sources name'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand help; and not __fish_seen_subcommand_from list matrix validate schema init completions man show compare search graph help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rolecmp -n "__fish_rolecmp_using_subcommand show" -f -a "ceo\t'Chief Executive Officer'
cfo\t'Chief Financial Officer'
chief-data-officer\t'Chief Data Officer'
chief-digital-officer\t'Chief Digital Officer'
cio\t'Chief Information Officer'
ciso\t'Chief Information Security Officer'
cto\t'Chief Technology Officer'
it-director\t'Information Technology Director'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand compare" -f -a "ceo\t'Chief Executive Officer'
cfo\t'Chief Financial Officer'
chief-data-officer\t'Chief Data Officer'
chief-digital-officer\t'Chief Digital Officer'
cio\t'Chief Information Officer'
ciso\t'Chief Information Security Officer'
cto\t'Chief Technology Officer'
it-director\t'Information Technology Director'"
complete -c rolecmp -n "__fish_rolecmp_using_subcommand graph" -f -a "ceo\t'Chief Executive Officer'
cfo\t'Chief Financial Officer'
chief-data-officer\t'Chief Data Officer'
chief-digital-officer\t'Chief Digital Officer'
cio\t'Chief Information Officer'
ciso\t'Chief Information Security Officer'
cto\t'Chief Technology Officer'
it-director\t'Information Technology Director'"
